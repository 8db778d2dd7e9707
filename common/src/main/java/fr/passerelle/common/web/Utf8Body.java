package fr.passerelle.common.web;

import fr.passerelle.common.json.TextRules;
import fr.passerelle.common.problem.ProblemException;
import fr.passerelle.common.problem.Violation;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Refuses a request body that is not strict UTF-8 (RFC 8259 §8.1) before Jackson reads it: Jackson decodes an
 * overlong "/" (C0 AF) as "/" and an encoded surrogate as a lone char that PostgreSQL stores as "?".
 * Bodies are small (the services' body limits), so the check reads them once into memory.
 */
@Provider
public class Utf8Body implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readAllBytes();
        // A raw NUL byte is valid UTF-8 but never JSON text: it means UTF-16 or UTF-32, which Jackson would detect and read.
        if (!TextRules.isUtf8(body) || containsNul(body)) {
            throw ProblemException.badRequest("The request body is not valid UTF-8.",
                    List.of(new Violation("body", TextRules.message(TextRules.INVALID_ENCODING), TextRules.INVALID_ENCODING)));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean containsNul(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
