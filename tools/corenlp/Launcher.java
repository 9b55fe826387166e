import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.spi.HttpServerProvider;
import edu.stanford.nlp.pipeline.StanfordCoreNLPServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Stanford CoreNLP's stock server, kept on 127.0.0.1 (started by tools/corenlp/corenlpctl.py).
 *
 * <p>{@code StanfordCoreNLPServer} has no host option: its {@code run(...)} calls
 * {@code HttpServer.create(new InetSocketAddress(port), 0)}, which binds every interface. The JDK
 * creates every {@code HttpServer} through the provider named by the system property
 * {@code com.sun.net.httpserver.HttpServerProvider}; this launcher names {@link LoopbackProvider},
 * which hands the JDK's own provider the same port on 127.0.0.1 instead of the wildcard address.
 * The server's handlers, timeouts and endpoints (/, /ready, /live, ...) stay the stock ones.
 * After the start the launcher checks the bound address and exits (code 2) unless it is loopback.
 *
 * <p>Arguments are the server's own ({@code -port N -timeout MS -preload ...}). On success it
 * prints one line {@code READY port=N address=127.0.0.1} once the preloaded annotators are loaded.
 */
public final class Launcher {
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private Launcher() {
    }

    /** The JDK's HTTP server provider, with any address replaced by 127.0.0.1 (same port). */
    public static final class LoopbackProvider extends HttpServerProvider {
        private final HttpServerProvider inner;

        public LoopbackProvider() throws ReflectiveOperationException {
            // needs --add-exports jdk.httpserver/sun.net.httpserver=ALL-UNNAMED (set by corenlpctl.py)
            inner = (HttpServerProvider) Class.forName("sun.net.httpserver.DefaultHttpServerProvider")
                    .getDeclaredConstructor().newInstance();
        }

        static InetSocketAddress loopback(InetSocketAddress addr) throws IOException {
            if (addr == null) {
                return null;  // unbound server: bind() goes through HttpServer.bind, checked below
            }
            return new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), addr.getPort());
        }

        @Override
        public HttpServer createHttpServer(InetSocketAddress addr, int backlog) throws IOException {
            return inner.createHttpServer(loopback(addr), backlog);
        }

        @Override
        public HttpsServer createHttpsServer(InetSocketAddress addr, int backlog) throws IOException {
            return inner.createHttpsServer(loopback(addr), backlog);
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("com.sun.net.httpserver.HttpServerProvider", LoopbackProvider.class.getName());
        if (!(HttpServerProvider.provider() instanceof LoopbackProvider)) {
            System.out.println("ERROR the loopback HTTP server provider was not installed");
            System.exit(2);
        }
        StanfordCoreNLPServer server;
        try {
            server = StanfordCoreNLPServer.launchServer(args);
        } catch (Throwable t) {
            System.out.println("ERROR " + t);
            System.exit(1);
            return;
        }
        Optional<HttpServer> http = server.getServer();
        if (http.isEmpty()) {
            System.out.println("ERROR the server did not start");
            System.exit(1);
        }
        InetSocketAddress bound = http.get().getAddress();
        if (!bound.getAddress().isLoopbackAddress()) {
            System.out.println("ERROR the server bound " + bound + ", not loopback");
            System.exit(2);
        }
        System.out.println("READY port=" + bound.getPort() + " address=" + bound.getAddress().getHostAddress());
        System.out.flush();
        // Keep the main thread (the process's leader) alive until the JVM exits (SIGTERM runs the
        // server's shutdown hook): a finished leader shows as a zombie while the server still runs.
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
