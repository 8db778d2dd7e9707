package fr.passerelle.directory;

import fr.passerelle.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of this module runs against one fresh real PostgreSQL database. */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @io.quarkus.test.common.ResourceArg(name = "prefix", value = "directory_test"))
public class TestDatabase {
}
