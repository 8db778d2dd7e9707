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
        if (!TextRules.isUtf8(body)) {
            throw ProblemException.badRequest("The request body is not valid UTF-8.",
                    List.of(new Violation("body", TextRules.message(TextRules.INVALID_ENCODING), TextRules.INVALID_ENCODING)));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
