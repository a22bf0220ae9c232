package dev.roster.provider.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.roster.ErrorDetails;
import dev.roster.ProviderConfig;
import dev.roster.ProviderConfigurationException;
import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.codec.ErrorDecoder;
import feign.jackson.JacksonEncoder;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an adapter's Feign client the one way every Roster adapter needs it:
 * <ul>
 *   <li><b>the transport</b>: OkHttp, one client (one connection pool) per Feign client, through
 *       {@link #transport}. It pools keep-alive connections, so a page walk or a burst of invites
 *       reuses connections instead of paying a TCP (and TLS) handshake each; it is thread-safe; a call
 *       runs on the caller's thread; it speaks HTTP/2 to an https endpoint (negotiated with ALPN,
 *       falling back to HTTP/1.1), and HTTP/1.1 to plain {@code http://} (allowed to loopback only,
 *       for simulators); it never resends a request on its own and follows no redirect, so a 3xx can
 *       never carry credentials to another host. Each answer is read whole, and bounded, before Feign
 *       sees it (see {@code OkHttpTransport}). Chosen by measurement beside the JDK's
 *       {@code HttpClient}, Apache HttpClient 5 and {@code HttpURLConnection} under Feign (the
 *       benchmarks' {@code TransportCalls}; the parent pom says what was found);</li>
 *   <li>Feign's own retries off ({@link Retryer#NEVER_RETRY}): core's policy retries, once, for every
 *       adapter, honouring {@code Retry-After};</li>
 *   <li>Jackson that ignores fields it does not know ({@link #lenientJson()}), so a vendor adding a
 *       field never breaks reading, binding answers from the body's bytes (no {@code Reader} pass);</li>
 *   <li>the adapter's own {@link ErrorDecoder}, request interceptors (authentication, User-Agent) and
 *       wire logger ({@link RedactingLogger});</li>
 *   <li>every answer's headers, where the adapter asks, handed to its {@link RateLimitFeed} for core's
 *       pacer.</li>
 * </ul>
 *
 * <pre>{@code
 * AcmeApi api = FeignClients.builder(config, baseUri)
 *         .errorDecoder(new AcmeErrors(json, redactor))
 *         .header("Authorization", "Bearer " + token.reveal())
 *         .logger(RedactingLogger.toSystemLogger("dev.roster.acme.http", redactor), level)
 *         .target(AcmeApi.class);
 * }</pre>
 */
public final class FeignClients {

    private FeignClients() {}

    /**
     * A builder for a client of the endpoint, with the configuration's timeouts.
     *
     * @param config the connect and read timeouts
     * @param baseUri the endpoint, already checked (such as by {@code HttpEndpoints.baseUri})
     * @return the builder
     */
    public static Builder builder(ProviderConfig config, URI baseUri) {
        return new Builder(Objects.requireNonNull(config, "config"), Objects.requireNonNull(baseUri, "baseUri"));
    }

    /**
     * A Jackson mapper that ignores unknown fields: what Roster reads vendors' answers with.
     *
     * @return a new mapper
     */
    public static ObjectMapper lenientJson() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /**
     * Feign's wire log level from a configuration property: {@code NONE} (the default when the
     * property is absent), {@code BASIC}, {@code HEADERS} or {@code FULL}, in any case.
     *
     * @param config the configuration
     * @param property the property's name, such as {@code openai.httpLogLevel}
     * @param providerId the provider id a misconfiguration names
     * @return the level
     * @throws ProviderConfigurationException naming the property and the values it takes
     */
    public static Logger.Level logLevel(ProviderConfig config, String property, String providerId) {
        String value = config.property(property).orElse("NONE").strip().toUpperCase(Locale.ROOT);
        try {
            return Logger.Level.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ProviderConfigurationException("The property " + property + " must be NONE, BASIC, HEADERS or FULL; got '"
                    + value + "'.", ErrorDetails.of(providerId), null);
        }
    }

    /** Collects what differs between adapters; {@link #target} builds the client. */
    public static final class Builder {

        private final ProviderConfig config;
        private final URI baseUri;
        private final List<RequestInterceptor> interceptors = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private ObjectMapper json;
        private ErrorDecoder errorDecoder;
        private Logger logger = new Logger.NoOpLogger();
        private Logger.Level level = Logger.Level.NONE;
        private RateLimitFeed rateLimits;
        private FeignCalls closedBy;

        private Builder(ProviderConfig config, URI baseUri) {
            this.config = config;
            this.baseUri = baseUri;
        }

        /**
         * The mapper for request and answer bodies (default: a new {@link #lenientJson()}). Give the
         * one the error decoder uses, so that both share Jackson's per-type caches.
         *
         * @param json the mapper
         * @return this builder
         */
        public Builder json(ObjectMapper json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /**
         * The vendor's error table: turns every non-2xx answer into a {@code RosterException}. Required:
         * Feign's default would leave a vendor's error untyped.
         *
         * @param errorDecoder the decoder
         * @return this builder
         */
        public Builder errorDecoder(ErrorDecoder errorDecoder) {
            this.errorDecoder = Objects.requireNonNull(errorDecoder, "errorDecoder");
            return this;
        }

        /**
         * Adds an interceptor, such as the one that authenticates each request.
         *
         * @param interceptor applied to every request, in the order added
         * @return this builder
         */
        public Builder requestInterceptor(RequestInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * A header sent with the same value on every request, such as the credentials or the
         * User-Agent: set by the transport, built once, instead of templated by Feign on every call
         * as an interceptor's header is. It replaces a header of that name from Feign. A
         * {@link RedactingLogger} shows it in the wire log with Feign's headers (a credential's value
         * masked).
         *
         * @param name the header's name
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException if the name or value holds a character HTTP cannot carry (the
         *     message names the header, never its value)
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            try {
                okhttp3.Headers.of(name, value); // checked now, when the provider is created, not on its first call
            } catch (IllegalArgumentException unsendable) {
                // Not chained: OkHttp's message quotes the value of any header but a few it knows to be credentials.
                throw new IllegalArgumentException("The header '" + name.replaceAll("[^\\x21-\\x7e]", "?") + "' cannot be "
                        + "sent: its name or value holds a character HTTP headers cannot carry (a line break, a control "
                        + "character or a non-ASCII letter). Check the credential or setting it comes from.");
            }
            headers.put(name, value);
            return this;
        }

        /**
         * The wire logger and its level (default: none).
         *
         * @param logger a logger that never writes a credential, such as a {@link RedactingLogger}
         * @param level how much it logs
         * @return this builder
         */
        public Builder logger(Logger logger, Logger.Level level) {
            this.logger = Objects.requireNonNull(logger, "logger");
            this.level = Objects.requireNonNull(level, "level");
            return this;
        }

        /**
         * Where every answer's headers go, success or failure, before Feign decodes it: the vendor's
         * rate-limit headers for core's pacer (default: nowhere).
         *
         * @param rateLimits the adapter's feed
         * @return this builder
         */
        public Builder rateLimits(RateLimitFeed rateLimits) {
            this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
            return this;
        }

        /**
         * The calls whose {@link FeignCalls#close()} also closes this client's idle connections
         * (default: none; they then close after five idle minutes).
         *
         * @param calls the adapter's calls
         * @return this builder
         */
        public Builder closedBy(FeignCalls calls) {
            this.closedBy = Objects.requireNonNull(calls, "calls");
            return this;
        }

        /**
         * Builds the client.
         *
         * @param api the adapter's Feign interface
         * @param <T> its type
         * @return the client, thread-safe
         * @throws IllegalStateException if no {@link #errorDecoder(ErrorDecoder)} was given
         */
        public <T> T target(Class<T> api) {
            if (errorDecoder == null) {
                throw new IllegalStateException("Give the client the vendor's error table with errorDecoder(...) before target(...).");
            }
            ObjectMapper mapper = json != null ? json : lenientJson();
            OkHttpTransport transport = OkHttpTransport.create(baseUri, config.connectTimeout(), config.readTimeout(),
                    okhttp3.Headers.of(headers));
            if (closedBy != null) {
                closedBy.alsoClose(transport::close);
            }
            RateLimitFeed feed = rateLimits;
            Client client = feed == null ? transport : (request, options) -> {
                feign.Response response = transport.execute(request, options);
                feed.answered(response.headers());
                return response;
            };
            return Feign.builder()
                    .client(client)
                    .options(new Request.Options(config.connectTimeout(), config.readTimeout(), false))
                    .retryer(Retryer.NEVER_RETRY)
                    .encoder(new JacksonEncoder(mapper))
                    .decoder(new JsonBodyDecoder(mapper))
                    .errorDecoder(errorDecoder)
                    .requestInterceptors(interceptors)
                    .logger(logger instanceof RedactingLogger ? ((RedactingLogger) logger).showingTransportHeaders(headers) : logger)
                    .logLevel(level)
                    .target(api, baseUri.toString());
        }
    }

    /**
     * The transport every Roster adapter's Feign client uses: OkHttp with the configuration's timeouts
     * (connect; read, for each read and write; both together, for the whole call), resending nothing on
     * its own, following no redirect, HTTP/2 over https and HTTP/1.1 over plain http, each answer read
     * whole (at most 16 MiB) before Feign decodes it, on the caller's thread. One connection pool per
     * call of this method.
     *
     * @param config the timeouts
     * @param baseUri the endpoint, whose scheme chooses the protocol
     * @return the transport, thread-safe
     */
    public static Client transport(ProviderConfig config, URI baseUri) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(baseUri, "baseUri");
        return OkHttpTransport.create(baseUri, config.connectTimeout(), config.readTimeout(), okhttp3.Headers.of());
    }
}
