package fr.passerelle.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body of unknown length (chunked) as it streams to the upstream: past {@code maxBytes} it stops and fails,
 * which makes the proxy reset the upstream request, and {@code onOverflow} tells why (the gateway then answers 413).
 */
final class LimitedBody implements ReadStream<Buffer> {

    /** No stack: it only says the body was cut. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body above the limit", null, false, false);
        }
    }

    private final ReadStream<Buffer> body;
    private final long maxBytes;
    private final Runnable onOverflow;
    private long received;
    private boolean overflowed;
    private Handler<Throwable> exceptionHandler;

    LimitedBody(ReadStream<Buffer> body, long maxBytes, Runnable onOverflow) {
        this.body = body;
        this.maxBytes = maxBytes;
        this.onOverflow = onOverflow;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            body.handler(null);
            return this;
        }
        body.handler(chunk -> {
            if (overflowed) {
                return;
            }
            received += chunk.length();
            if (received > maxBytes) {
                overflowed = true;
                onOverflow.run();
                body.handler(null);
                body.endHandler(null);
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge());
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        body.endHandler(endHandler == null ? null : v -> {
            if (!overflowed) {
                endHandler.handle(v);
            }
        });
        return this;
    }
}
