package uk.placements.edge.pupil;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.placements.shared.placement.PupilId;
import uk.placements.shared.pupil.DataKeys;
import uk.placements.shared.pupil.KeyEncryptionKey;
import uk.placements.shared.pupil.PupilVault;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one pupil vault of a process: the write side seals with it, the read side opens with it. Data keys live in
 * {@code pupil_key}, wrapped by the master key.
 */
@Configuration(proxyBeanMethods = false)
public class PupilVaultConfiguration {

    @Bean
    public KeyEncryptionKey keyEncryptionKey(@Value("${placements.crypto.master-key:}") String masterKey,
                                             @Value("${placements.crypto.master-key-file:./data/master.key}") Path file) {
        return KeyEncryptionKey.fromConfiguration(masterKey, file);
    }

    @Bean
    public DataKeys dataKeys(JdbcTemplate jdbc, KeyEncryptionKey kek) {
        return new JdbcDataKeys(jdbc, kek);
    }

    @Bean
    public PupilVault pupilVault(DataKeys keys) {
        return new PupilVault(keys);
    }

    /** Reads a pupil's data key and unwraps it; an erased pupil has none. */
    static final class JdbcDataKeys implements DataKeys {
        private final JdbcTemplate jdbc;
        private final KeyEncryptionKey kek;

        JdbcDataKeys(JdbcTemplate jdbc, KeyEncryptionKey kek) {
            this.jdbc = jdbc;
            this.kek = kek;
        }

        @Override
        public Optional<byte[]> dataKey(PupilId pupil) {
            List<byte[]> wrapped = jdbc.query("SELECT wrapped_key FROM pupil_key WHERE pupil_id = ?",
                    (rs, i) -> rs.getBytes(1), pupil.value());
            return wrapped.stream().findFirst().map(kek::unwrap);
        }

        /**
         * Keys in chunks of {@link #CHUNK} pupils, one query each; from {@link #WHOLE_TABLE_FROM} pupils (a rebuild
         * of the caseload asks for every pupil of the history) in one pass over the table instead, the pupils not
         * asked for passed over. Then unwrapped on every core.
         */
        @Override
        public Map<PupilId, byte[]> dataKeys(Collection<PupilId> pupils) {
            List<String> ids = pupils.stream().map(PupilId::value).distinct().toList();
            Map<String, byte[]> wrapped = new HashMap<>();
            if (ids.size() >= WHOLE_TABLE_FROM) {
                Set<String> wanted = new HashSet<>(ids);
                jdbc.query("SELECT pupil_id, wrapped_key FROM pupil_key", rs -> {
                    String id = rs.getString(1);
                    if (wanted.contains(id)) {
                        wrapped.put(id, rs.getBytes(2));
                    }
                });
            } else {
                for (int from = 0; from < ids.size(); from += CHUNK) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                    jdbc.query("SELECT pupil_id, wrapped_key FROM pupil_key WHERE pupil_id IN ("
                                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                            rs -> {
                                wrapped.put(rs.getString(1), rs.getBytes(2));
                            }, chunk.toArray());
                }
            }
            return wrapped.entrySet().parallelStream().collect(Collectors.toMap(
                    e -> new PupilId(e.getKey()), e -> kek.unwrap(e.getValue())));
        }

        /** Pupils per query of {@link #dataKeys}: well under every driver's limit on parameters. */
        static final int CHUNK = 500;

        /**
         * From this many pupils {@link #dataKeys} reads the whole table: at 1,000,000 events a rebuild asks for
         * 200,000 pupils, which took 400 queries in chunks; a live batch asks for a few.
         */
        static final int WHOLE_TABLE_FROM = 5_000;

        @Override
        public boolean erased(PupilId pupil) {
            return !jdbc.queryForList("SELECT 1 FROM erased_pupil WHERE pupil_id = ?", Integer.class, pupil.value())
                    .isEmpty();
        }
    }
}
