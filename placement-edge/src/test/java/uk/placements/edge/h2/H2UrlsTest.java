package uk.placements.edge.h2;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H2UrlsTest {

    /** What the product adds to a file URL that sets none of it, in this JVM. */
    private static final String ADDED = ";WRITE_DELAY=0;ANALYZE_AUTO=0;COMPRESS=TRUE;CACHE_SIZE="
            + H2Urls.cacheSizeKb(Runtime.getRuntime().maxMemory()) + ";DB_CLOSE_ON_EXIT=FALSE";

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
                .isEqualTo("jdbc:h2:file:./data/placements;AUTO_SERVER=TRUE;WRITE_DELAY=0;ANALYZE_AUTO=0;COMPRESS=TRUE"
                        + ";CACHE_SIZE=" + H2Urls.cacheSizeKb(Runtime.getRuntime().maxMemory()));
    }

    @Test
    void settingsAlreadyGivenAreNotRepeated() {
        // an operator who turns compression off is obeyed: it is a matter of size, not of durability
        String url = "jdbc:h2:file:/tmp/db;write_delay=0;Db_Close_On_Exit=TRUE;analyze_auto=0;compress=false"
                + ";Cache_Size=2048";
        assertThat(H2Urls.durable(url)).isEqualTo(url);
    }

    @Test
    void thePageCacheIsAnEighthOfTheHeapAndNeverLessThanH2sOwnDefault() {
        long mb = 1024L * 1024;
        assertThat(H2Urls.durable("jdbc:h2:file:/tmp/db", 6144 * mb)).contains(";CACHE_SIZE=786432;");
        assertThat(H2Urls.durable("jdbc:h2:file:/tmp/db", 512 * mb)).contains(";CACHE_SIZE=65536;");
        assertThat(H2Urls.durable("jdbc:h2:file:/tmp/db", 64 * mb)).contains(";CACHE_SIZE=16384;");
        assertThat(H2Urls.durable("jdbc:h2:file:/tmp/db", Long.MAX_VALUE))
                .as("a heap without a bound gives 4 GB, an int of KB as H2 reads it").contains(";CACHE_SIZE=4194304;");
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
