/*
 * Tiny launcher for a local Neo4j Community 5.26 server (no Docker, no tarball).
 *
 * Runs the embedded DBMS (DatabaseManagementServiceBuilder) with the Bolt and
 * HTTP connectors switched on, both bound to 127.0.0.1. neo4j-server on the
 * classpath provides the HTTP API; neo4j-browser on the classpath is served at
 * /browser/; apoc-core is loaded from the plugins directory when present.
 *
 * Usage (normally driven by tools/neo4j/neo4jctl.py):
 *   java -Xmx512m -cp '<cache>/classes:<cache>/lib/*' Launcher \
 *        --home DIR --bolt-port N --http-port N [--plugins DIR] [--pagecache 128m]
 *
 * Password: env NEO4J_PASSWORD (default "kg-local-password"), applied to user
 * "neo4j" through the system database at every start (CHANGE NOT REQUIRED).
 * Prints exactly one line "READY bolt=PORT http=PORT" on stdout once the
 * password is set and both connectors accept connections.
 */

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

public final class Launcher {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            // A failed start may leave non-daemon threads behind: always exit.
            t.printStackTrace();
            fail("Neo4j failed to start: " + t);
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        Path home = Path.of(require(opts, "home")).toAbsolutePath();
        int boltPort = Integer.parseInt(require(opts, "bolt-port"));
        int httpPort = Integer.parseInt(require(opts, "http-port"));
        String plugins = opts.get("plugins");
        long pageCache = parseBytes(opts.getOrDefault("pagecache", "128m"));
        String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "kg-local-password");
        if (password.length() < 8) {
            // Neo4j 5 refuses passwords shorter than 8 characters.
            fail("NEO4J_PASSWORD must be at least 8 characters long");
        }
        Files.createDirectories(home);
        // LOAD CSV reads file:/// URLs below this folder only (a server's own conf does the same
        // with server.directories.import; an embedded one would otherwise read any file).
        Path importDir = Files.createDirectories(home.resolve("import"));

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                // Bolt
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, boltPort))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, boltPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // HTTP (HTTP API + Neo4j Browser from the classpath)
                .setConfig(HttpConnector.enabled, true)
                .setConfig(HttpConnector.listen_address, new SocketAddress(HOST, httpPort))
                .setConfig(HttpConnector.advertised_address, new SocketAddress(HOST, httpPort))
                // Security
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
                // Small footprint
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Netty's default 5 s "quiet period" per event loop makes SIGTERM take ~10 s.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);

        if (plugins != null && Files.isDirectory(Path.of(plugins))) {
            builder.setConfig(GraphDatabaseSettings.plugin_dir, Path.of(plugins).toAbsolutePath())
                   .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                   .setConfig(GraphDatabaseSettings.procedure_allowlist, List.of("*"));
        }

        DatabaseManagementService dbms = builder.build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Shutting down Neo4j ...");
            try {
                dbms.shutdown();
            } finally {
                System.out.println("STOPPED");
                System.out.flush();
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        setPassword(dbms, password);

        // Wait until the default database is available before announcing readiness.
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(60_000)) {
            fail("default database did not become available");
        }
        System.out.println("READY bolt=" + boltPort + " http=" + httpPort);
        System.out.flush();
        stopped.await();
    }

    /** Sets the password of user neo4j through the system database (embedded calls run with full rights). */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            // Same password as before: Neo4j refuses to "change" it, which is fine.
            if (!msg.contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                fail("bad argument: " + a + " (usage: --home DIR --bolt-port N --http-port N [--plugins DIR] [--pagecache 128m])");
            }
            m.put(a.substring(2), args[++i]);
        }
        return m;
    }

    private static String require(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            fail("missing --" + key);
        }
        return v;
    }

    private static long parseBytes(String s) {
        String t = s.trim().toLowerCase();
        long mult = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'k') mult = 1L << 10;
        else if (last == 'm') mult = 1L << 20;
        else if (last == 'g') mult = 1L << 30;
        if (mult != 1) t = t.substring(0, t.length() - 1);
        return Long.parseLong(t) * mult;
    }

    private static void fail(String msg) {
        System.err.println("ERROR " + msg);
        System.exit(2);
    }
}
