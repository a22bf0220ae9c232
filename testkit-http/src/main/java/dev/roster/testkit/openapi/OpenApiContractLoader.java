package dev.roster.testkit.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an OpenAPI contract file and prepares it for the validator, as {@link OpenApiValidation}'s
 * class comment describes: 3.1 rewritten to 3.0, top-level security copied onto operations,
 * annotation-only {@code allOf} overlays dropped, and the documented error envelope added as the
 * {@code default} response where an operation declares none. The file on disk is never touched.
 */
final class OpenApiContractLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ANNOTATIONS = Set.of("description", "example", "examples", "title");

    private OpenApiContractLoader() {}

    static OpenApiInteractionValidator load(Path specFile, String basePath, String errorSchema) {
        return load(List.of(specFile), basePath, errorSchema, null);
    }

    /**
     * One validator for several files of one vendor's API (its invitations and its users, say): the
     * later files' paths and components are merged into the first. Two files declaring one path, or
     * one component name differently, fail the load, naming it: the contracts must agree to be one.
     * A vendor's own JSON media type ({@code jsonMediaType}, null for none) is read as the spec's
     * {@code application/json}.
     */
    static OpenApiInteractionValidator load(List<Path> specFiles, String basePath, String errorSchema, String jsonMediaType) {
        Path specFile = specFiles.get(0);
        ObjectNode document = read(specFile);
        OpenApi31Downgrade.apply(document);
        for (Path other : specFiles.subList(1, specFiles.size())) {
            ObjectNode more = read(other);
            OpenApi31Downgrade.apply(more);
            merge(document, more, specFile, other);
        }
        applyTopLevelSecurity(document);
        dropAnnotationOnlyOverlays(document);
        addDefaultErrorResponses(document, errorSchema);
        if (jsonMediaType != null) {
            aliasJsonResponses(document, jsonMediaType);
        }
        String inline;
        try {
            inline = JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OpenApiInteractionValidator.Builder builder = OpenApiInteractionValidator.createForInlineApiSpecification(inline);
        if (basePath != null) {
            builder.withBasePathOverride(basePath);
        }
        try {
            return builder.build();
        } catch (OpenApiInteractionValidator.ApiLoadException e) {
            throw new IllegalArgumentException("The OpenAPI contract " + specFile + " could not be loaded: "
                    + e.getMessage(), e);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from, Path intoFile, Path fromFile) {
        ObjectNode paths = object(into, "paths");
        for (Map.Entry<String, JsonNode> path : from.path("paths").properties()) {
            if (paths.has(path.getKey())) {
                throw new IllegalArgumentException("The OpenAPI contracts " + intoFile + " and " + fromFile + " both declare "
                        + "the path " + path.getKey() + "; they cannot be checked as one.");
            }
            paths.set(path.getKey(), path.getValue().deepCopy());
        }
        for (Map.Entry<String, JsonNode> section : from.path("components").properties()) {
            ObjectNode target = object(object(into, "components"), section.getKey());
            for (Map.Entry<String, JsonNode> component : section.getValue().properties()) {
                JsonNode existing = target.get(component.getKey());
                if (existing != null && !existing.equals(component.getValue())) {
                    throw new IllegalArgumentException("The OpenAPI contracts " + intoFile + " and " + fromFile + " declare "
                            + "components." + section.getKey() + "." + component.getKey() + " differently; they cannot be "
                            + "checked as one.");
                }
                target.set(component.getKey(), component.getValue().deepCopy());
            }
        }
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        return node instanceof ObjectNode existing ? existing : parent.putObject(field);
    }

    private static ObjectNode read(Path specFile) {
        JsonNode tree;
        try {
            tree = YAML.readTree(Files.readString(specFile));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the OpenAPI contract " + specFile + ": " + e, e);
        }
        if (tree == null || !tree.isObject() || !tree.has("openapi")) {
            throw new IllegalArgumentException(specFile + " is not an OpenAPI 3 document (no 'openapi' field).");
        }
        return (ObjectNode) tree;
    }

    /**
     * Copies the document's top-level {@code security} onto operations without their own: that is
     * what OpenAPI means, but the validator only reads operation-level requirements.
     */
    private static void applyTopLevelSecurity(ObjectNode document) {
        JsonNode security = document.get("security");
        if (security == null || !security.isArray()) {
            return;
        }
        forEachOperation(document, operation -> {
            if (!operation.has("security")) {
                operation.set("security", security.deepCopy());
            }
        });
    }

    /**
     * In every {@code allOf} branch that is not a {@code $ref}, removes the property entries that
     * only annotate ({@code description}, {@code example}, {@code examples}, {@code title}): they
     * constrain nothing, but the validator's injected {@code additionalProperties: false} would
     * make the branch reject every property another branch declares. A branch left without
     * properties loses its (empty) {@code properties} keyword.
     */
    private static void dropAnnotationOnlyOverlays(JsonNode node) {
        if (node.isArray()) {
            node.forEach(OpenApiContractLoader::dropAnnotationOnlyOverlays);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode allOf = node.get("allOf");
        if (allOf != null && allOf.isArray()) {
            for (JsonNode branch : allOf) {
                JsonNode properties = branch.get("properties");
                if (branch.isObject() && !branch.has("$ref") && properties != null && properties.isObject()) {
                    List<String> annotationOnly = new ArrayList<>();
                    for (Map.Entry<String, JsonNode> property : properties.properties()) {
                        JsonNode schema = property.getValue();
                        if (schema.isObject() && schema.properties().stream().allMatch(k -> ANNOTATIONS.contains(k.getKey()))) {
                            annotationOnly.add(property.getKey());
                        }
                    }
                    ((ObjectNode) properties).remove(annotationOnly);
                    if (properties.isEmpty()) {
                        ((ObjectNode) branch).remove("properties");
                    }
                }
            }
        }
        node.forEach(OpenApiContractLoader::dropAnnotationOnlyOverlays);
    }

    private static void forEachOperation(ObjectNode document, java.util.function.Consumer<ObjectNode> action) {
        Iterator<JsonNode> pathItems = document.path("paths").elements();
        while (pathItems.hasNext()) {
            JsonNode pathItem = pathItems.next();
            for (String method : List.of("get", "put", "post", "delete", "options", "head", "patch", "trace")) {
                JsonNode operation = pathItem.path(method);
                if (operation.isObject()) {
                    action.accept((ObjectNode) operation);
                }
            }
        }
    }

    /**
     * Lets clients ask for the vendor's own JSON media type: every response documented as
     * {@code application/json} is documented as that type too (same schema), so an {@code Accept} of
     * it matches.
     */
    private static void aliasJsonResponses(ObjectNode document, String mediaType) {
        forEachOperation(document, operation -> operation.path("responses").forEach(response -> {
            JsonNode content = response.path("content");
            if (content.isObject() && content.has("application/json") && !content.has(mediaType)) {
                ((ObjectNode) content).set(mediaType, content.get("application/json").deepCopy());
            }
        }));
    }

    private static void addDefaultErrorResponses(ObjectNode document, String errorSchema) {
        if (errorSchema == null || !document.path("components").path("schemas").has(errorSchema)) {
            return;
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode response = f.objectNode();
        response.put("description", "Any error: the vendor's documented error envelope (added by OpenApiValidation).");
        response.putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/" + errorSchema);
        forEachOperation(document, operation -> {
            JsonNode responses = operation.path("responses");
            if (responses.isObject() && !responses.has("default")) {
                ((ObjectNode) responses).set("default", response.deepCopy());
            }
        });
    }
}
