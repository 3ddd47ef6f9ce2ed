package cn.perftarget.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurableH2UrlTest {

    @Test
    void fileUrlWithoutSettingsGetsTheDurabilitySettings() {
        String url = DurableH2Url.apply("jdbc:h2:file:/srv/perftarget/db");
        assertThat(url).startsWith("jdbc:h2:file:/srv/perftarget/db;").contains(";WRITE_DELAY=0").contains(";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void urlThatAlreadyHasThemIsKeptAsItIs() {
        String url = "jdbc:h2:./data/perftarget;write_delay=0;AUTO_SERVER=TRUE;DB_CLOSE_ON_EXIT=false;QUERY_CACHE_SIZE=16";
        assertThat(DurableH2Url.apply(url)).isEqualTo(url);
    }

    @Test
    void urlWithoutAStatementCacheSizeGetsALargerOneThanH2sEight() {
        assertThat(DurableH2Url.apply("jdbc:h2:file:./db;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:file:./db;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128");
    }

    @Test
    void writeDelayOtherThanZeroIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> DurableH2Url.apply("jdbc:h2:file:./data/db;WRITE_DELAY=500"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WRITE_DELAY=500").hasMessageContaining("spring.datasource.url").hasMessageContaining("丢失");
    }

    @Test
    void closingOnExitFileLockOffAndAsyncFilesAreRefused() {
        assertThatThrownBy(() -> DurableH2Url.apply("jdbc:h2:file:./db;DB_CLOSE_ON_EXIT=TRUE"))
                .hasMessageContaining("DB_CLOSE_ON_EXIT=TRUE");
        assertThatThrownBy(() -> DurableH2Url.apply("jdbc:h2:file:./db;FILE_LOCK=NO")).hasMessageContaining("FILE_LOCK=NO");
        assertThatThrownBy(() -> DurableH2Url.apply("jdbc:h2:async:./db")).hasMessageContaining("async:");
    }

    @Test
    void inMemoryAndOtherDatabasesAreLeftAlone() {
        assertThat(DurableH2Url.apply("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1");
        assertThat(DurableH2Url.apply("jdbc:postgresql://127.0.0.1/perftarget")).isEqualTo("jdbc:postgresql://127.0.0.1/perftarget");
        assertThat(DurableH2Url.isH2Files("jdbc:h2:tcp://db.example/mem:x")).isFalse();
    }
}
