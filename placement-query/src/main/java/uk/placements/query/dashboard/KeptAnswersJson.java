package uk.placements.query.dashboard;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends a kept answer ({@link DashboardCache}) as the JSON it was sent as the first time. Asked again while the read
 * models have not moved, a dashboard is the same object, so its JSON is the same bytes: serialising the capacity
 * dashboard of 1,875 provisions (660 kB) again on every read was most of what a warm read cost. Everything else, and
 * a kept answer the first time, is written by Spring Boot's own Jackson converter, with its object mapper and media
 * types: this converter takes that one's place in Spring MVC's list and writes exactly as it would. To a client that
 * accepts gzip a kept answer is sent gzipped, compressed once and kept with its JSON ({@link DashboardCache.Json}):
 * the capacity dashboard's 660 kB are 27 kB gzipped. Every other JSON or CSV answer is gzipped by the server's own
 * compression ({@code server.compression} in placement-edge.properties), which leaves an answer already encoded
 * alone.
 */
@Configuration(proxyBeanMethods = false)
class KeptAnswersJson implements WebMvcConfigurer {

    private final DashboardCache cache;

    KeptAnswersJson(DashboardCache cache) {
        this.cache = cache;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i).getClass() == MappingJackson2HttpMessageConverter.class) {
                MappingJackson2HttpMessageConverter boots = (MappingJackson2HttpMessageConverter) converters.get(i);
                converters.set(i, new Converter(boots.getObjectMapper(), boots.getSupportedMediaTypes(), cache));
            }
        }
    }

    /** Spring Boot's Jackson converter, but a kept answer is serialised once. */
    static final class Converter extends MappingJackson2HttpMessageConverter {

        private final DashboardCache cache;

        Converter(ObjectMapper mapper, List<MediaType> mediaTypes, DashboardCache cache) {
            super(mapper);
            setSupportedMediaTypes(mediaTypes);
            this.cache = cache;
        }

        @Override
        protected void writeInternal(Object object, Type type, HttpOutputMessage outputMessage) throws IOException {
            DashboardCache.Json kept = utf8(outputMessage.getHeaders().getContentType())
                    ? cache.json(object, type, () -> serialised(object, type, outputMessage.getHeaders()))
                    : null;
            if (kept == null) {
                super.writeInternal(object, type, outputMessage);
            } else if (acceptsGzip()) {
                // gzipped once and kept, rather than by the server's compression on every read
                outputMessage.getHeaders().set(HttpHeaders.CONTENT_ENCODING, "gzip");
                outputMessage.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
                outputMessage.getBody().write(kept.gzipped());
            } else {
                outputMessage.getBody().write(kept.bytes());
            }
        }

        /** Whether the request being answered accepts gzip ({@code Accept-Encoding}, a q of 0 refusing it). */
        private static boolean acceptsGzip() {
            if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
                return false;
            }
            return acceptsGzip(attributes.getRequest().getHeaders(HttpHeaders.ACCEPT_ENCODING));
        }

        static boolean acceptsGzip(java.util.Enumeration<String> headers) {
            boolean gzip = false;
            boolean any = false;
            boolean refused = false;
            while (headers != null && headers.hasMoreElements()) {
                for (String coding : headers.nextElement().split(",")) {
                    String[] parts = coding.split(";");
                    String name = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
                    boolean zero = false;
                    for (int i = 1; i < parts.length; i++) {
                        String parameter = parts[i].strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
                        zero |= parameter.matches("q=0(\\.0{0,3})?");
                    }
                    if (name.equals("gzip")) {
                        gzip |= !zero;
                        refused |= zero;
                    } else if (name.equals("*")) {
                        any |= !zero;
                    }
                }
            }
            return gzip || (any && !refused);
        }

        /**
         * The bytes {@code super} writes for {@code object}, with the response's headers (their content type). Written
         * into Jackson's {@link ByteArrayBuilder}, blocks of at most 128 kB, then copied once into an array of the
         * answer's length: a {@link java.io.ByteArrayOutputStream} doubles its one array, and an inclusion dashboard
         * of 2,500 provisions grew it to 2 MB, half of one of G1's 4 MB regions, an array G1 allocates apart
         * ("humongous") and that starts a collection of its own (the benchmark's cold inclusion reads set one off
         * every second).
         */
        private byte[] serialised(Object object, Type type, HttpHeaders headers) {
            ByteArrayBuilder bytes = new ByteArrayBuilder(64 * 1024);
            try {
                super.writeInternal(object, type, new HttpOutputMessage() {
                    @Override
                    public OutputStream getBody() {
                        return bytes;
                    }

                    @Override
                    public HttpHeaders getHeaders() {
                        return headers;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        /** Kept JSON is UTF-8, Jackson's default; a client asking for another charset is written for afresh. */
        private static boolean utf8(MediaType contentType) {
            Charset charset = contentType == null ? null : contentType.getCharset();
            return charset == null || StandardCharsets.UTF_8.equals(charset);
        }
    }
}
