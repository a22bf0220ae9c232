package dev.roster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.spi.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Calls every public constructor and method of core's public API ({@code dev.roster} and
 * {@code dev.roster.spi}, found by reflection, so a new one cannot slip through) with null in
 * each reference parameter in turn. Each must answer with a {@link RosterException} whose message
 * names the parameter (or the setter), never a {@link NullPointerException}; the few where null is
 * documented to mean something are listed in {@link #NULL_MEANS_SOMETHING}, and must then not throw
 * anything but a RosterException either.
 */
@DisplayName("Null arguments anywhere in the public API")
class NullArgumentsTest {

    /** Where null is documented to mean something (absent, default, last page, ...): "Class.method(param)". */
    private static final Set<String> NULL_MEANS_SOMETHING = Set.of(
            "Page.of(nextCursor)",                          // the last page
            "InvitationRequest.Builder.role(value)",         // the provider's default role
            "Invitation.Builder.role(value)", "Invitation.Builder.createdAt(value)", "Invitation.Builder.expiresAt(value)",
            "Invitation.Builder.acceptedAt(value)", "Invitation.Builder.projects(value)",
            "Invitation.Builder.attribute(value)",           // a vendor field left out is skipped
            "Member.Builder.email(value)", "Member.Builder.role(value)", "Member.Builder.joinedAt(value)",
            "Member.Builder.attribute(value)",               // not told by the vendor
            "ProviderConfig.Builder.baseUri(value)",         // the provider's default endpoint
            "ErrorDetails.of(providerId)", "ErrorDetails.withProviderId(id)", "ErrorDetails.withVendorCode(code)",
            "ErrorDetails.withRequestId(id)",                // not known
            "InputRules.sameEmail(a)", "InputRules.sameEmail(b)", "InputRules.quote(value)",
            "Redactor.redact(text)", "Redactor.redact(failure)", "Redactor.reveals(text)", "Redactor.reveals(failure)",
            "HttpEndpoints.isLoopback(host)", "HttpEndpoints.percentEncode(value)",
            "HttpFailures.parseRetryAfter(value)", "HttpFailures.parseMillis(value)", "HttpFailures.snippet(body)",
            "HttpFailures.forStatus(message)",
            "RateLimitStatus.read(limit)", "RateLimitStatus.read(remaining)"); // a header the vendor did not send

    /** Types whose every constructor takes null for "not known": reporting a failure must never fail itself. */
    private static final Set<Class<?>> LENIENT = Set.of(ErrorDetails.class);

    @Test
    @DisplayName("is a RosterException naming the argument, except where null is documented to mean something")
    void everyPublicConstructorAndMethod() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : publicApiTypes()) {
            for (Executable executable : publicExecutables(type)) {
                Parameter[] parameters = executable.getParameters();
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i].getType().isPrimitive()) {
                        continue;
                    }
                    assertThat(parameters[i].isNamePresent()).as("core is compiled with -parameters").isTrue();
                    checked++;
                    String where = name(type) + "." + (executable instanceof Constructor ? "<init>" : executable.getName())
                            + "(" + parameters[i].getName() + ")";
                    String allowKey = name(type) + "." + executable.getName() + "(" + parameters[i].getName() + ")";
                    boolean lenient = LENIENT.contains(type) || Throwable.class.isAssignableFrom(type)
                            || NULL_MEANS_SOMETHING.contains(allowKey) || NULL_MEANS_SOMETHING.contains(where);
                    Throwable thrown = callWithNull(type, executable, i);
                    if (lenient) {
                        if (thrown != null && !(thrown instanceof RosterException)) {
                            problems.add(where + " (null documented as meaningful) threw " + thrown);
                        }
                    } else if (thrown == null) {
                        problems.add(where + " accepted null without a word");
                    } else if (!(thrown instanceof RosterException)) {
                        problems.add(where + " threw " + thrown + " instead of a RosterException");
                    } else if (!names(thrown.getMessage(), parameters[i].getName(), executable)) {
                        problems.add(where + " threw a RosterException that does not name '" + parameters[i].getName()
                                + "': " + thrown.getMessage());
                    }
                }
            }
        }
        assertThat(checked).as("reference parameters checked (is discovery working?)").isGreaterThan(80);
        assertThat(problems).as("null arguments not answered with a typed error naming them").isEmpty();
    }

    /**
     * The message names the parameter: every word of its name ({@code invitationId}: "invitation" and
     * "id"), or for a setter's {@code value} the setter's ({@code Builder.id(null)}: "id").
     */
    private static boolean names(String message, String parameter, Executable executable) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (parameter.equals("value") && executable instanceof Method && !executable.getName().equals("of")
                && names(message, executable.getName(), executable)) {
            return true;
        }
        String named = parameter;
        if (named.length() > 2 && text.contains(named.toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (String word : named.split("(?=[A-Z])")) {
            if (!java.util.regex.Pattern.compile("\\b" + word.toLowerCase(Locale.ROOT) + "\\b").matcher(text).find()) {
                return false;
            }
        }
        return true;
    }

    private Throwable callWithNull(Class<?> type, Executable executable, int nullAt) throws Exception {
        Parameter[] parameters = executable.getParameters();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            args[i] = i == nullAt ? null : sample(parameters[i].getType(), parameters[i].getName(), executable);
        }
        try {
            if (executable instanceof Constructor<?> constructor) {
                constructor.newInstance(args);
            } else {
                Method method = (Method) executable;
                Object receiver = Modifier.isStatic(method.getModifiers()) ? null : receiver(type);
                Object result = method.invoke(receiver, args);
                if (result instanceof Stream<?> stream) {
                    stream.close();
                }
            }
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }

    // ---------------------------------------------------------------------------------------
    // Discovery

    /** Every public top-level and nested type in dev.roster and dev.roster.spi, read from core's classes. */
    private static List<Class<?>> publicApiTypes() throws IOException, URISyntaxException {
        Path classes = Path.of(InvitationProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> types = new ArrayList<>();
        for (String pkg : List.of("dev/roster", "dev/roster/spi")) {
            try (Stream<Path> files = Files.list(classes.resolve(pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().collect(Collectors.toList())) {
                    String binary = pkg.replace('/', '.') + "." + file.getFileName().toString().replace(".class", "");
                    if (binary.endsWith("package-info")) {
                        continue;
                    }
                    Class<?> type = load(binary);
                    if (isPublicApi(type)) {
                        types.add(type);
                    }
                }
            }
        }
        assertThat(types).contains(InvitationRequest.class, InvitationRequest.Builder.class, Redactor.class);
        return types;
    }

    private static Class<?> load(String binaryName) {
        try {
            return Class.forName(binaryName, false, NullArgumentsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static boolean isPublicApi(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static List<Executable> publicExecutables(Class<?> type) {
        List<Executable> out = new ArrayList<>();
        if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers()) && !type.isEnum()) {
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(c.getModifiers()) && !c.isSynthetic()) {
                    out.add(c);
                }
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.isBridge() || m.getName().equals("equals")
                    || (type.isEnum() && m.getName().equals("valueOf") && m.getParameterCount() == 1)) {
                continue; // equals(null) is false by contract; an enum's valueOf is the JDK's own
            }
            if (type.isInterface() && !Modifier.isStatic(m.getModifiers()) && type != InvitationProvider.class
                    && type != Members.class) {
                continue; // an SPI to implement (the factory): there is no instance of it here to call
            }
            out.add(m);
        }
        return out;
    }

    private static String name(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName() : name(type.getEnclosingClass()) + "." + type.getSimpleName();
    }

    // ---------------------------------------------------------------------------------------
    // Valid values for the other parameters, and receivers

    private static Object receiver(Class<?> type) {
        if (type == InvitationProvider.class) {
            return InvitationProviders.withPolicy(new Quiet(), ProviderConfig.defaults());
        }
        if (type == Members.class) {
            return InvitationProviders.withPolicy(new Quiet(), ProviderConfig.defaults()).members();
        }
        if (type == Member.Builder.class) {
            return Member.builder();
        }
        if (type == InvitationRequest.Builder.class) {
            return InvitationRequest.builder("ada@example.com");
        }
        if (type == Invitation.Builder.class) {
            return Invitation.builder();
        }
        if (type == ProviderConfig.Builder.class) {
            return ProviderConfig.builder();
        }
        if (type == Capabilities.Builder.class) {
            return Capabilities.builder();
        }
        if (type == Redactor.class) {
            return Redactor.of(List.of("s3cret-value"));
        }
        return sample(type, "", null);
    }

    private static final Map<Class<?>, Supplier<Object>> SAMPLES = new HashMap<>();

    static {
        Capabilities capabilities = Capabilities.builder().roles("reader", "owner").projectGrants("member").build();
        Invitation invitation = Invitation.builder().id("inv_1").email("ada@example.com").status(InvitationStatus.PENDING)
                .provider("stub").build();
        SAMPLES.put(Optional.class, Optional::empty);
        SAMPLES.put(OptionalInt.class, OptionalInt::empty);
        SAMPLES.put(List.class, List::of);
        SAMPLES.put(Set.class, Set::of);
        SAMPLES.put(Collection.class, List::of);
        SAMPLES.put(Map.class, Map::of);
        SAMPLES.put(String[].class, () -> new String[0]);
        SAMPLES.put(Duration.class, () -> Duration.ofSeconds(1));
        SAMPLES.put(Instant.class, () -> Instant.EPOCH);
        SAMPLES.put(URI.class, () -> URI.create("https://api.example.com/v1"));
        SAMPLES.put(Clock.class, () -> Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        SAMPLES.put(Class.class, () -> NullArgumentsTest.class);
        SAMPLES.put(Throwable.class, () -> new IllegalStateException("underneath"));
        SAMPLES.put(ErrorDetails.class, ErrorDetails::none);
        SAMPLES.put(ProviderConfig.class, ProviderConfig::defaults);
        SAMPLES.put(Secret.class, () -> Secret.of("s3cret-value"));
        SAMPLES.put(RetryPolicy.class, RetryPolicy::defaults);
        SAMPLES.put(Capabilities.class, () -> capabilities);
        SAMPLES.put(ProviderInfo.class, () -> new ProviderInfo("stub", "Stub", capabilities));
        SAMPLES.put(InvitationStatus.class, () -> InvitationStatus.PENDING);
        SAMPLES.put(ConflictException.Reason.class, () -> ConflictException.Reason.OTHER);
        SAMPLES.put(InvitationRequest.class, () -> InvitationRequest.of("ada@example.com"));
        SAMPLES.put(PageRequest.class, () -> PageRequest.first(10));
        SAMPLES.put(Page.class, () -> Page.last(List.of()));
        SAMPLES.put(ProjectGrant.class, () -> ProjectGrant.of("proj_1", "member"));
        SAMPLES.put(Invitation.class, () -> invitation);
        SAMPLES.put(InvitationProvider.class, Quiet::new);
        SAMPLES.put(MemberCapabilities.class, MemberCapabilities::all);
        SAMPLES.put(Member.class, () -> Member.builder().id("user_1").provider("stub").build());
        SAMPLES.put(Offboarding.Membership.class, () -> Offboarding.Membership.NOT_A_MEMBER);
        SAMPLES.put(Redactor.class, () -> Redactor.of(List.of("s3cret-value")));
        SAMPLES.put(Stream.class, Stream::empty);
    }

    /** A valid value for a parameter; strings by what the parameter is for. */
    private static Object sample(Class<?> type, String parameter, Executable of) {
        if (type == String.class) {
            return switch (parameter) {
                case "email", "a", "b" -> "ada@example.com";
                case "defaultUri" -> "https://api.example.com/v1";
                case "host" -> "localhost";
                case "id", "providerId" -> "stub";
                case "name" -> of != null && of.getDeclaringClass() == ProviderConfig.class ? "NOT_SET_ANYWHERE" : "auth_type";
                default -> "sample-1";
            };
        }
        if (type == int.class) {
            return 10;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == long.class) {
            return 1L;
        }
        Supplier<Object> sample = SAMPLES.get(type);
        if (sample == null) {
            throw new AssertionError("No sample value for " + type.getName() + (of == null ? "" : " (a parameter of " + of + ")")
                    + ": add one to NullArgumentsTest.SAMPLES, so that its nulls are checked too.");
        }
        return sample.get();
    }

    /** An adapter that answers every call with nothing, to call the policy's methods on. */
    private static final class Quiet implements InvitationProvider {
        @Override
        public ProviderInfo info() {
            return new ProviderInfo("stub", "Stub", Capabilities.builder().build());
        }

        @Override
        public Invitation invite(InvitationRequest request) {
            throw new UnsupportedCapabilityException("quiet");
        }

        @Override
        public Optional<Invitation> find(String invitationId) {
            return Optional.empty();
        }

        @Override
        public Page<Invitation> list(PageRequest request) {
            return Page.last(List.of());
        }

        @Override
        public boolean revoke(String invitationId) {
            return false;
        }

        @Override
        public void close() {}
    }
}
