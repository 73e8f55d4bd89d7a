package io.newsmon.seeds.newsroom;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** The offline demo news site: serves the bundled fictional articles, feeds and sitemap over loopback HTTP. */
public final class DemoNewsroom implements AutoCloseable {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8190;

    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final NewsroomCatalog catalog;
    private final URI baseUri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoNewsroom(HttpServer server, ExecutorService executor, NewsroomCatalog catalog, URI baseUri) {
        this.server = server;
        this.executor = executor;
        this.catalog = catalog;
        this.baseUri = baseUri;
    }

    /** Starts serving on the given host and port; port 0 picks a free ephemeral port. */
    public static DemoNewsroom start(String host, int port) {
        NewsroomCatalog catalog = new NewsroomCatalog();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        URI baseUri = baseUri(host, server.getAddress().getPort());
        NewsroomRoutes routes = new NewsroomRoutes(catalog, baseUri);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.createContext("/", exchange -> handle(exchange, routes));
        server.setExecutor(executor);
        server.start();
        return new DemoNewsroom(server, executor, catalog, baseUri);
    }

    /** The root URL the site is served at, with the port actually bound, e.g. {@code http://127.0.0.1:8190/}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The site-wide RSS 2.0 feed. */
    public URI feedUri() {
        return baseUri.resolve("feed.xml");
    }

    /** How many articles the site serves. */
    public int articleCount() {
        return catalog.articles().size();
    }

    /** The articles being served. */
    public NewsroomCatalog catalog() {
        return catalog;
    }

    /** Stops the server at once and releases its threads; calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** Runs the newsroom until the process is killed: {@code [--host H] [--port N]}. */
    public static void main(String[] args) throws InterruptedException {
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--host" -> host = value(args, ++i);
                    case "--port" -> port = port(value(args, ++i));
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: DemoNewsroom [--host H] [--port N]  (defaults " + DEFAULT_HOST + " and "
                    + DEFAULT_PORT + ")");
            System.exit(2);
            return;
        }
        DemoNewsroom newsroom = start(host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(newsroom::close, "newsroom-shutdown"));
        System.out.println(
                "newsroom listening on " + newsroom.baseUri() + " (" + newsroom.articleCount() + " articles)");
        // Park the main thread rather than rely on the JDK dispatcher thread happening to keep the JVM alive.
        new CountDownLatch(1).await();
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below together with out-of-range numbers
        }
        throw new IllegalArgumentException("invalid port: " + value);
    }

    // A wildcard bind address is not something a client can connect to, so links point at loopback instead.
    private static URI baseUri(String host, int port) {
        String name = host;
        try {
            if (InetAddress.getByName(host).isAnyLocalAddress()) {
                name = InetAddress.getLoopbackAddress().getHostAddress();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + host, e);
        }
        String authority = name.contains(":") ? "[" + name + "]" : name;
        return URI.create("http://" + authority + ":" + port + "/");
    }

    private static void handle(HttpExchange exchange, NewsroomRoutes routes) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            NewsroomResponse response;
            try {
                response = routes.route(exchange.getRequestURI().getPath());
            } catch (RuntimeException e) {
                // The JDK server would otherwise drop the connection without any answer.
                response = new NewsroomResponse(500, NewsroomResponse.TEXT, "internal error: " + e + "\n");
            }
            byte[] body = response.bytes();
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "public, max-age=60");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (head) {
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
                exchange.sendResponseHeaders(response.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "newsroom-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
