package io.strom.planner.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.types.DataTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogManagerTest {
  private final CatalogManager manager = new CatalogManager();

  private static CatalogTable table(String column) {
    return new CatalogTable(
        TableSchema.of(List.of(new Column.Physical(column, DataTypes.INT(), null))),
        List.of(),
        Map.of("connector", "datagen"),
        null);
  }

  @Test
  void qualifiesPartialNamesWithTheCurrentCatalogAndDatabase() {
    assertThat(manager.qualify(List.of("t")))
        .isEqualTo(new ObjectIdentifier("default_catalog", "default_database", "t"));
    assertThat(manager.qualify(List.of("db", "t")))
        .isEqualTo(new ObjectIdentifier("default_catalog", "db", "t"));
    assertThatThrownBy(() -> manager.qualify(List.of("a", "b", "c", "d")))
        .hasMessageContaining("[catalog.][database.]name");
  }

  @Test
  void temporaryTableShadowsThePermanentOneUntilDropped() {
    ObjectIdentifier id = manager.qualify(List.of("t"));
    manager.createTable(id, table("permanent"), false);
    manager.createTemporaryTable(id, table("temporary"), false);

    assertThat(manager.resolve(List.of("t")).orElseThrow().table().schema().columnNames())
        .containsExactly("temporary");
    assertThatThrownBy(() -> manager.dropTable(id, false)).hasMessageContaining("DROP TEMPORARY");

    assertThat(manager.dropTable(id, true)).isTrue();
    assertThat(manager.resolve(List.of("t")).orElseThrow().table().schema().columnNames())
        .containsExactly("permanent");
  }

  @Test
  void createsUsesAndDropsDatabasesAndCatalogs() {
    manager.registerCatalog("other", new InMemoryCatalog("other", "main"));
    manager.catalog("other").createDatabase("sales", new CatalogDatabase(Map.of(), null), false);
    manager.useDatabase("other", "sales");
    manager.createTable(manager.qualify(List.of("orders")), table("id"), false);

    assertThat(manager.listTables()).containsExactly("orders");
    assertThat(manager.resolve(List.of("other", "sales", "orders"))).isPresent();
    assertThatThrownBy(() -> manager.catalog("other").dropDatabase("sales", false, false))
        .hasMessageContaining("CASCADE");
    assertThatThrownBy(() -> manager.dropCatalog("other", false))
        .hasMessageContaining("current");
    assertThatThrownBy(() -> manager.useCatalog("missing"))
        .hasMessageContaining("Catalogs: [default_catalog, other]");
  }

  @Test
  void schemaRejectsDuplicateColumnsAndDanglingReferences() {
    Column a = new Column.Physical("a", DataTypes.INT(), null);
    assertThatThrownBy(() -> TableSchema.of(List.of(a, a))).hasMessageContaining("defined twice");
    assertThatThrownBy(() -> new TableSchema(List.of(a), new WatermarkSpec("ts", "ts"), null))
        .hasMessageContaining("rowtime column 'ts'");
    assertThatThrownBy(() -> new TableSchema(List.of(a), null, new PrimaryKey("pk", List.of("b"))))
        .hasMessageContaining("Primary key column 'b'");
  }
}
