package fr.passerelle.web.client;

import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The generated client builds a new {@link HttpClient} (its own selector thread and connection pool) on every call;
 * this builder hands it one client shared by the whole application instead, so connections to the gateway are
 * reused. Settings asked of it per call are ignored: they are set once here.
 */
final class SharedHttpClient implements HttpClient.Builder {

    private final HttpClient client;

    SharedHttpClient(Duration connectTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override public HttpClient build() { return client; }
    @Override public HttpClient.Builder cookieHandler(CookieHandler handler) { return this; }
    @Override public HttpClient.Builder connectTimeout(Duration duration) { return this; }
    @Override public HttpClient.Builder sslContext(SSLContext context) { return this; }
    @Override public HttpClient.Builder sslParameters(SSLParameters parameters) { return this; }
    @Override public HttpClient.Builder executor(Executor executor) { return this; }
    @Override public HttpClient.Builder followRedirects(HttpClient.Redirect policy) { return this; }
    @Override public HttpClient.Builder version(HttpClient.Version version) { return this; }
    @Override public HttpClient.Builder priority(int priority) { return this; }
    @Override public HttpClient.Builder proxy(ProxySelector selector) { return this; }
    @Override public HttpClient.Builder authenticator(Authenticator authenticator) { return this; }
}
