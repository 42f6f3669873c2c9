package uk.placements.edge.h2;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H2UrlsTest {

    /** What the product adds to a file URL that sets none of it. */
    private static final String ADDED = ";WRITE_DELAY=0;ANALYZE_AUTO=0;COMPRESS=TRUE;DB_CLOSE_ON_EXIT=FALSE";

    @Test
    void theDocumentedOverrideIsMadeDurable() {
        assertThat(H2Urls.durable("jdbc:h2:file:/var/lib/placements/db"))
                .isEqualTo("jdbc:h2:file:/var/lib/placements/db" + ADDED);
    }

    @Test
    void everyFileFormIsMadeDurableAndOtherSettingsAreKept() {
        assertThat(H2Urls.durable("jdbc:h2:./data/placements;FILE_LOCK=FILE"))
                .isEqualTo("jdbc:h2:./data/placements;FILE_LOCK=FILE" + ADDED);
        assertThat(H2Urls.durable("JDBC:H2:~/placements")).endsWith(ADDED);
        assertThat(H2Urls.durable("jdbc:h2:nio:/tmp/x")).endsWith(ADDED);
    }

    @Test
    void withAutoServerH2RefusesDbCloseOnExitSoItIsNotAdded() {
        assertThat(H2Urls.durable("jdbc:h2:file:./data/placements;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/placements;AUTO_SERVER=TRUE;WRITE_DELAY=0;ANALYZE_AUTO=0;COMPRESS=TRUE");
    }

    @Test
    void settingsAlreadyGivenAreNotRepeated() {
        // an operator who turns compression off is obeyed: it is a matter of size, not of durability
        String url = "jdbc:h2:file:/tmp/db;write_delay=0;Db_Close_On_Exit=TRUE;analyze_auto=0;compress=false";
        assertThat(H2Urls.durable(url)).isEqualTo(url);
    }

    @Test
    void aWriteDelayOtherThanZeroIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> H2Urls.durable("jdbc:h2:file:/tmp/db;WRITE_DELAY=500"))
                .isInstanceOf(NonDurableDatabase.class)
                .hasMessageContaining("WRITE_DELAY=500");
        assertThatThrownBy(() -> H2Urls.durable("jdbc:h2:file:/tmp/db;Write_Delay=10;AUTO_SERVER=TRUE"))
                .isInstanceOf(NonDurableDatabase.class);
    }

    @Test
    void databasesThisProcessDoesNotOpenInAFileAreLeftAlone() {
        for (String url : new String[] {"jdbc:h2:mem:x;WRITE_DELAY=500", "jdbc:h2:tcp://host/db",
                "jdbc:h2:ssl://host/db", "jdbc:h2:zip:/tmp/b.zip!/db", "jdbc:postgresql://localhost/placements"}) {
            assertThat(H2Urls.durable(url)).as(url).isEqualTo(url);
        }
        assertThat(H2Urls.isEmbeddedFile(null)).isFalse();
    }
}
