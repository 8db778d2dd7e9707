package fr.passerelle.directory.seed;

import static fr.passerelle.directory.Api.referent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeedLoaderTest {

    @Inject
    SeedLoader loader;

    private static long total(String path) {
        return referent().queryParam("size", 1).get(path).then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }

    @Test
    void loadingTheSeedsAgainAddsNothing() {
        long organisations = total("/api/v1/organisations");
        long programmes = total("/api/v1/programmes");
        long platforms = total("/api/v1/platforms");
        loader.load(Path.of("../seeds"));
        assertEquals(organisations, total("/api/v1/organisations"));
        assertEquals(programmes, total("/api/v1/programmes"));
        assertEquals(platforms, total("/api/v1/platforms"));
    }

    @Test
    void everySeededOrganisationAndProgrammeIsThere() {
        // 50 organisations and 61 programmes drawn from the five documents (seeds/README.md).
        assertEquals(true, total("/api/v1/organisations") >= 50);
        assertEquals(true, total("/api/v1/programmes") >= 61);
        assertEquals(3, total("/api/v1/platforms"));
    }
}
