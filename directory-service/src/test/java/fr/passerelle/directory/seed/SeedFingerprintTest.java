package fr.passerelle.directory.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start skips the seed files only when the folder holds exactly what was loaded before. */
class SeedFingerprintTest {

    @Test
    void anyChangeToTheFolderChangesTheFingerprint(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("organisations"));
        Files.writeString(dir.resolve("organisations/a.yaml"), "name: A\n");
        String first = SeedFiles.fingerprint(dir);
        assertEquals(first, SeedFiles.fingerprint(dir), "same content, same fingerprint");

        Files.writeString(dir.resolve("organisations/a.yaml"), "name: A2\n");
        String edited = SeedFiles.fingerprint(dir);
        assertNotEquals(first, edited, "an edited file");

        Files.writeString(dir.resolve("organisations/b.yaml"), "name: B\n");
        assertNotEquals(edited, SeedFiles.fingerprint(dir), "an added file");

        Files.move(dir.resolve("organisations/b.yaml"), dir.resolve("organisations/c.yaml"));
        Files.writeString(dir.resolve("organisations/a.yaml"), "name: A2\n");
        assertNotEquals(edited, SeedFiles.fingerprint(dir), "a renamed file");
    }

    @Test
    void noFolderNoFingerprint(@TempDir Path dir) {
        assertNull(SeedFiles.fingerprint(dir.resolve("missing")));
    }
}
