package uk.placements.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import uk.placements.command.axon.IdempotencyInterceptor;
import uk.placements.command.axon.IdempotencyStore;
import uk.placements.command.axon.Refusal;
import uk.placements.edge.web.RequestHeaders;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import static uk.placements.shared.common.CommandMetadata.AGGREGATE_ID;
import static uk.placements.shared.common.CommandMetadata.CORRELATION_ID;
import static uk.placements.shared.common.CommandMetadata.CREATES;
import static uk.placements.shared.common.CommandMetadata.EXPECTED_VERSION;
import static uk.placements.shared.common.CommandMetadata.IDEMPOTENCY_KEY;
import static uk.placements.shared.common.CommandMetadata.REQUEST_HASH;
import static uk.placements.shared.common.CommandMetadata.USER_ID;

/**
 * The HTTP edge's one way to send a command: adds who and which request (metadata), honours {@code If-Match} and
 * {@code Idempotency-Key}, and shapes the {@code {id, version}} answer with its {@code ETag} (and {@code Location}
 * for a creation).
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final IdempotencyStore idempotency;
    private final ObjectMapper json;

    public CommandSender(CommandGateway gateway, IdempotencyStore idempotency, ObjectMapper json) {
        this.gateway = gateway;
        this.idempotency = idempotency;
        this.json = json;
    }

    /** Sends a command that creates the aggregate {@code id}; answers 201 with its location. */
    public ResponseEntity<WriteResult> create(Object command, String id, String collectionPath, Object body,
                                              HttpServletRequest request) {
        return send(command, id, body, request, collectionPath);
    }

    /** Sends a command to the existing aggregate {@code id}; answers 200. */
    public ResponseEntity<WriteResult> update(Object command, String id, Object body, HttpServletRequest request) {
        return send(command, id, body, request, null);
    }

    private ResponseEntity<WriteResult> send(Object command, String id, Object body, HttpServletRequest request,
                                             String collectionPath) {
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        String key = RequestHeaders.idempotencyKey(request);
        String hash = key == null ? null : requestHash(request, body);
        if (key != null) {
            Optional<ResponseEntity<WriteResult>> earlier = replay(user, key, hash, collectionPath);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(USER_ID, user);
        metaData.put(CORRELATION_ID, RequestHeaders.correlationId(request));
        metaData.put(AGGREGATE_ID, id);
        if (collectionPath != null) {
            metaData.put(CREATES, true);
        }
        RequestHeaders.ifMatch(request).ifPresent(version -> metaData.put(EXPECTED_VERSION, version));
        if (key != null) {
            metaData.put(IDEMPOTENCY_KEY, key);
            metaData.put(REQUEST_HASH, hash);
        }
        Object result;
        try {
            result = dispatch(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metaData)));
        } catch (IdempotencyInterceptor.KeyAlreadyUsed concurrentTwin) {
            return replay(user, key, hash, collectionPath).orElseThrow(() -> concurrentTwin);
        }
        long version = result instanceof Long v ? v : 0L;
        return answer(new WriteResult(id, version), collectionPath);
    }

    /** Sends and waits; a refusal that came back through Axon Server is thrown as the handler threw it. */
    private Object dispatch(CommandMessage<?> command) {
        try {
            return gateway.sendAndWait(command);
        } catch (CommandExecutionException remote) {
            throw Refusal.carriedBy(remote).map(Refusal::revive).orElseThrow(() -> remote);
        }
    }

    private Optional<ResponseEntity<WriteResult>> replay(String user, String key, String hash, String collectionPath) {
        return idempotency.find(user, key).map(earlier -> {
            if (!earlier.requestHash().equals(hash)) {
                throw new IdempotencyKeyReused();
            }
            return answer(new WriteResult(earlier.aggregateId(), earlier.version()),
                    earlier.created() ? collectionPath : null);
        });
    }

    private static ResponseEntity<WriteResult> answer(WriteResult result, String collectionPath) {
        ResponseEntity.BodyBuilder builder = collectionPath == null
                ? ResponseEntity.ok()
                : ResponseEntity.status(HttpStatus.CREATED).location(URI.create(collectionPath + "/" + result.id()));
        return builder.header(HttpHeaders.ETAG, "\"" + result.version() + "\"").body(result);
    }

    /** The same key with another body is refused: the hash covers the method, the path and the parsed body. */
    private String requestHash(HttpServletRequest request, Object body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(json.writeValueAsBytes(body));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 422: the Idempotency-Key was first used with another request. */
    public static class IdempotencyKeyReused extends RuntimeException {
        IdempotencyKeyReused() {
            super("this Idempotency-Key was already used with a different request", null, false, false);
        }
    }
}
