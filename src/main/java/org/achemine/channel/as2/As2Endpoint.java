package org.achemine.channel.as2;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.achemine.config.AchemineProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The AS2 endpoint on the engine's HTTP port ({@code achemine.as2.path}, {@code /as2} by default): partners
 * authenticate by their signature, not by a login, so this path stays outside any console login or CSRF check.
 */
@RestController
@ConditionalOnBooleanProperty("achemine.as2.enabled")
@ConditionalOnWebApplication
public class As2Endpoint {

    private final As2Receiver receiver;
    private final long maxBody;

    public As2Endpoint(As2Receiver receiver, AchemineProperties achemine) {
        this.receiver = receiver;
        // the body is the payload signed, encrypted and base64'd: allow it twice the size of a flow
        this.maxBody = 2 * achemine.validation().maxFileSize().toBytes() + 1_000_000;
    }

    @PostMapping("${achemine.as2.path}")
    public ResponseEntity<byte[]> receive(HttpServletRequest http) throws IOException {
        if (http.getContentLengthLong() > maxBody) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
        }
        byte[] body = http.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
        if (body.length > maxBody) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.put(name, http.getHeader(name));
        }
        As2Answer answer = receiver.receive(new As2Request(headers, body,
                http.getRemoteAddr() + ":" + http.getRemotePort()));
        HttpHeaders responseHeaders = new HttpHeaders();
        answer.headers().forEach(responseHeaders::set);
        return ResponseEntity.status(answer.status()).headers(responseHeaders).body(answer.body());
    }
}
