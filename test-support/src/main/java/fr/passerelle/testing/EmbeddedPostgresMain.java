package fr.passerelle.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a persistent embedded PostgreSQL for the local stack when the machine has none:
 * {@code java -cp … fr.passerelle.testing.EmbeddedPostgresMain <dataDir> <port>}. Stops on SIGTERM.
 */
public final class EmbeddedPostgresMain {

    private EmbeddedPostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        File dataDir = new File(args.length > 0 ? args[0] : "target/pgdata");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5432;
        dataDir.mkdirs();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        System.out.println("PostgreSQL ready on 127.0.0.1:" + port + " (data in " + dataDir + ")");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception ignored) {
                // Exiting anyway.
            }
            stop.countDown();
        }));
        stop.await();
    }
}
