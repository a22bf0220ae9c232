package dev.roster.testkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites an OpenAPI 3.1 document, in memory, into the OpenAPI 3.0 form that Atlassian's validator
 * (the 2.x line, whose JSON Schema engine is draft 4) checks faithfully. Only the 3.1 constructs
 * that have an exact 3.0 equivalent are rewritten; anything else is reported, never guessed:
 *
 * <ul>
 *   <li>{@code openapi: 3.1.x} becomes {@code 3.0.3};</li>
 *   <li>{@code anyOf}/{@code oneOf} with a {@code {type: "null"}} branch loses that branch and gains
 *       {@code nullable: true}; a single remaining branch is inlined into the parent schema (a local
 *       {@code $ref} branch by a copy of the schema it names, since 3.0 ignores siblings of
 *       {@code $ref});</li>
 *   <li>{@code type: [X, "null"]} becomes {@code type: X, nullable: true};</li>
 *   <li>{@code const: v} becomes {@code enum: [v]};</li>
 *   <li>{@code info.license.identifier} (3.1 only, informational) is dropped.</li>
 * </ul>
 *
 * <p>Why not feed 3.1 as it is: the parser models {@code anyOf [.., {type: "null"}]} and type arrays
 * with 3.1-only fields that the validator's 3.0 serialisation drops, so such a property would accept
 * any value at all, silently. The rewrite keeps every constraint.
 */
final class OpenApi31Downgrade {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Keys whose value maps names to objects (schemas, responses, paths...), not a schema itself. */
    private static final Set<String> NAMES_MAP_KEYS = Set.of("properties", "patternProperties", "$defs", "definitions",
            "schemas", "responses", "requestBodies", "parameters", "headers", "securitySchemes", "links", "callbacks",
            "paths", "content", "encoding", "variables", "pathItems", "webhooks");

    /** Keys whose value is data, never a schema. */
    private static final Set<String> DATA_KEYS = Set.of("example", "examples", "enum", "default", "const");

    private final ObjectNode document;
    private final List<String> unsupported = new ArrayList<>();

    private OpenApi31Downgrade(ObjectNode document) {
        this.document = document;
    }

    /**
     * Rewrites the document in place.
     *
     * @param document the parsed OpenAPI document
     * @return the same document, now OpenAPI 3.0
     * @throws IllegalArgumentException naming each 3.1 construct that has no 3.0 equivalent
     */
    static ObjectNode apply(ObjectNode document) {
        String version = document.path("openapi").asText("");
        if (!version.startsWith("3.1")) {
            return document;
        }
        OpenApi31Downgrade downgrade = new OpenApi31Downgrade(document);
        document.put("openapi", "3.0.3");
        JsonNode license = document.path("info").path("license");
        if (license.isObject()) {
            ((ObjectNode) license).remove("identifier");
        }
        downgrade.walk(document, "#", false);
        if (!downgrade.unsupported.isEmpty()) {
            throw new IllegalArgumentException("The OpenAPI 3.1 document uses constructs without an OpenAPI 3.0 "
                    + "equivalent, which the validator cannot check: " + String.join("; ", downgrade.unsupported));
        }
        return document;
    }

    /**
     * Visits every object. One that is the value of a map keyed by names (such as
     * {@code properties}) is not itself rewritten, so a property called {@code const} or {@code type}
     * is left alone; values that are data, not schemas ({@code example}, {@code enum}, {@code x-...})
     * are not entered at all.
     */
    private void walk(JsonNode node, String pointer, boolean namesMap) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (!namesMap) {
                rewriteSchema(object, pointer);
            }
            for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
                String key = field.getKey();
                if (namesMap || !DATA_KEYS.contains(key) && !key.startsWith("x-")) {
                    walk(field.getValue(), pointer + "/" + key, !namesMap && NAMES_MAP_KEYS.contains(key));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, false);
            }
        }
    }

    /** Rewrites one object if it is a schema using a 3.1 construct; other objects are left alone. */
    private void rewriteSchema(ObjectNode schema, String pointer) {
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            List<JsonNode> types = new ArrayList<>();
            boolean nullable = false;
            for (JsonNode t : type) {
                if ("null".equals(t.asText())) {
                    nullable = true;
                } else {
                    types.add(t);
                }
            }
            if (types.size() != 1) {
                unsupported.add(pointer + ": type " + type + " (several non-null types)");
                return;
            }
            schema.set("type", types.get(0));
            if (nullable) {
                schema.put("nullable", true);
            }
        }
        if (schema.has("const")) {
            ArrayNode values = JSON.arrayNode().add(schema.get("const"));
            schema.remove("const");
            schema.set("enum", values);
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            JsonNode branches = schema.get(combinator);
            if (branches == null || !branches.isArray()) {
                continue;
            }
            ArrayNode kept = JSON.arrayNode();
            boolean nullable = false;
            for (JsonNode branch : branches) {
                if (isNullType(branch)) {
                    nullable = true;
                } else {
                    kept.add(branch);
                }
            }
            if (!nullable) {
                continue;
            }
            schema.remove(combinator);
            schema.put("nullable", true);
            if (kept.size() == 1 && kept.get(0).isObject()) {
                inline(schema, (ObjectNode) kept.get(0), pointer, combinator);
            } else if (kept.size() > 1) {
                schema.set(combinator, kept);
            }
        }
    }

    private void inline(ObjectNode parent, ObjectNode branch, String pointer, String combinator) {
        ObjectNode source = branch;
        if (branch.has("$ref")) {
            // 3.0 ignores siblings of $ref, and null fails an allOf of the referenced schema, so the
            // referenced schema is copied in: exactly equivalent, as the validator resolves refs anyway.
            JsonNode target = document.at(branch.get("$ref").asText().replaceFirst("^#", ""));
            if (!branch.get("$ref").asText().startsWith("#/") || !target.isObject() || branch.size() > 1) {
                unsupported.add(pointer + "/" + combinator + ": nullable " + branch + " (only a plain local $ref can be inlined)");
                return;
            }
            source = (ObjectNode) target.deepCopy();
        }
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            if (field.getKey().equals("description") && parent.has("description")) {
                continue;
            }
            if (parent.has(field.getKey()) && !parent.get(field.getKey()).equals(field.getValue())) {
                unsupported.add(pointer + "/" + combinator + ": '" + field.getKey() + "' clashes with the parent schema");
                return;
            }
            parent.set(field.getKey(), field.getValue());
        }
    }

    private static boolean isNullType(JsonNode branch) {
        return branch.isObject() && branch.size() == 1 && "null".equals(branch.path("type").asText(null));
    }
}
