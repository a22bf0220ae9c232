package dev.roster.testkit.security;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All the text reachable from an object, as any code holding it could get at it: its fields,
 * private ones included, followed through collections, maps, arrays, {@link Optional}s and
 * {@code byte[]} (decoded as UTF-8); for a {@link Throwable} also its message, {@code toString},
 * causes, suppressed exceptions and what its public no-arg accessors return (such as Feign's
 * {@code request()}, {@code responseHeaders()} and {@code responseBody()}). Where the module system
 * forbids reading an object's fields, its public no-arg accessors and {@code toString} are read
 * instead. A depth limit and an identity guard keep the walk finite.
 */
final class ReachableText {

    private static final int MAX_DEPTH = 14;
    private static final int MAX_NODES = 20_000;
    /** Public no-arg methods that act rather than tell, or only repeat what the walk already reads. */
    private static final Set<String> NOT_ACCESSORS = Set.of("fillInStackTrace", "printStackTrace", "getStackTrace",
            "hashCode", "clone", "notify", "notifyAll", "wait", "getClass", "iterator", "spliterator", "stream",
            "parallelStream", "close", "clear", "reset", "run", "call", "remove", "poll", "take", "next", "asIterator",
            "keySet", "values", "entrySet", "toArray", "getSuppressed", "getCause", "initCause", "describeConstable");

    private final List<String> found = new ArrayList<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private ReachableText() {}

    /**
     * Every piece of text reachable from the root, each prefixed with the path that reached it.
     *
     * @param root the object to search from
     * @return lines of {@code path = text}
     */
    static List<String> from(Object root) {
        ReachableText walk = new ReachableText();
        walk.visit(root, root == null ? "null" : root.getClass().getSimpleName(), 0);
        return walk.found;
    }

    private void visit(Object value, String path, int depth) {
        if (value == null || depth > MAX_DEPTH || seen.size() > MAX_NODES) {
            return;
        }
        if (value instanceof CharSequence text) {
            found.add(path + " = " + text);
            return;
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Character || value instanceof Enum<?>
                || value instanceof Class<?> || value instanceof ClassLoader || value instanceof Module || value instanceof Thread
                || value instanceof java.lang.reflect.AnnotatedElement || value instanceof StackTraceElement) {
            return;
        }
        if (!seen.add(value)) {
            return;
        }
        if (value instanceof byte[] bytes) {
            found.add(path + " (UTF-8) = " + new String(bytes, StandardCharsets.UTF_8));
            return;
        }
        if (value instanceof char[] chars) {
            found.add(path + " = " + new String(chars));
            return;
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            copy.rewind();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            found.add(path + " (UTF-8) = " + new String(bytes, StandardCharsets.UTF_8));
            return;
        }
        if (value.getClass().isArray()) {
            if (!value.getClass().getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(value); i++) {
                    visit(Array.get(value, i), path + "[" + i + "]", depth + 1);
                }
            }
            return;
        }
        if (value instanceof Optional<?> optional) {
            optional.ifPresent(v -> visit(v, path + ".get()", depth + 1));
            return;
        }
        if (value instanceof Map<?, ?> map) {
            try {
                int i = 0;
                for (Map.Entry<?, ?> entry : List.copyOf(map.entrySet())) {
                    visit(entry.getKey(), path + "{key " + i + "}", depth + 1);
                    visit(entry.getValue(), path + "{" + entry.getKey() + "}", depth + 1);
                    i++;
                }
            } catch (RuntimeException e) {
                found.add(path + " (unreadable map) = " + safeToString(value));
            }
            return;
        }
        if (value instanceof Collection<?> collection) {
            try {
                int i = 0;
                for (Object element : List.copyOf(collection)) {
                    visit(element, path + "[" + i++ + "]", depth + 1);
                }
            } catch (RuntimeException e) {
                found.add(path + " (unreadable collection) = " + safeToString(value));
            }
            return;
        }
        if (value instanceof Throwable failure) {
            found.add(path + ".toString() = " + safeToString(failure));
            found.add(path + ".getMessage() = " + failure.getMessage());
            found.add(path + ".getLocalizedMessage() = " + failure.getLocalizedMessage());
            visit(failure.getCause(), path + ".getCause()", depth + 1);
            Throwable[] suppressed = failure.getSuppressed();
            for (int i = 0; i < suppressed.length; i++) {
                visit(suppressed[i], path + ".getSuppressed()[" + i + "]", depth + 1);
            }
            accessors(value, path, depth);
        }
        if (!fields(value, path, depth)) {
            found.add(path + ".toString() = " + safeToString(value));
            if (!(value instanceof Throwable)) {
                accessors(value, path, depth);
            }
        }
    }

    /** Reads every instance field of the object's classes; false if the module system forbids it for one of them. */
    private boolean fields(Object value, String path, int depth) {
        boolean all = true;
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                if (!field.trySetAccessible()) {
                    all = false;
                    continue;
                }
                try {
                    visit(field.get(value), path + "." + field.getName(), depth + 1);
                } catch (IllegalAccessException | RuntimeException e) {
                    all = false;
                }
            }
        }
        return all;
    }

    /** What the object's public no-arg accessors return, for a holder of it could call them. */
    private void accessors(Object value, String path, int depth) {
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || method.getReturnType() == void.class || Modifier.isStatic(method.getModifiers())
                    || NOT_ACCESSORS.contains(method.getName()) || method.getReturnType().isPrimitive()) {
                continue;
            }
            try {
                visit(method.invoke(value), path + "." + method.getName() + "()", depth + 1);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // not callable from here (module rules, a non-public class) or it refused: nothing a holder could read either
            }
        }
    }

    private static String safeToString(Object value) {
        try {
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return value.getClass().getName() + " (toString threw " + e.getClass().getName() + ")";
        }
    }
}
