package dev.ember.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ember.error.EmberException;
import dev.ember.fs.Location;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableCatalogTest {
    @TempDir
    Path dir;

    @Test
    void tablesAreFilesThatAnotherCatalogReads() throws Exception {
        TableCatalog catalog = new TableCatalog(Location.local(dir), Map.of());
        StructType schema = StructType.of().add("id", AtomicType.INT).add("amount", new DecimalType(10, 2)).add("p", AtomicType.STRING);
        TableMetadata table = TableMetadata.of("sales", "csv", schema, List.of("p"), Map.of("header", "true"),
                catalog.defaultLocation("Sales").toString(), true);
        catalog.create(table);
        assertThatThrownBy(() -> catalog.create(table))
                .isInstanceOfSatisfying(EmberException.class, e -> assertThat(e.errorClass().name()).isEqualTo("TABLE_OR_VIEW_ALREADY_EXISTS"));

        TableCatalog other = new TableCatalog(Location.local(dir), Map.of());
        TableMetadata found = other.find("SALES").orElseThrow();
        assertThat(found).isEqualTo(table);
        assertThat(found.schema()).isEqualTo(schema);
        assertThat(found.location()).isEqualTo(Location.local(dir.resolve("sales")).toString());
        assertThat(other.names()).containsExactly("sales");

        Files.createDirectories(dir.resolve("sales/p=a"));
        Files.writeString(dir.resolve("sales/p=a/x.csv"), "1,2\n");
        assertThat(other.drop("sales")).isTrue();
        assertThat(dir.resolve("sales")).doesNotExist();
        assertThat(other.drop("sales")).isFalse();
        assertThat(catalog.names()).isEmpty();
    }
}
