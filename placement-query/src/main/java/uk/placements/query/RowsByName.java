package uk.placements.query;

import org.springframework.beans.BeanUtils;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Read-model rows as records, each component read from the column of its name ({@code primaryNeed} from
 * {@code primary_need} or {@code primaryneed}), with Spring's conversions ({@link JdbcUtils#getResultSetValue}) and
 * instantiation ({@link BeanUtils#instantiateClass}): what Spring's {@code DataClassRowMapper} does, with the columns
 * found once per query from the result's metadata instead of once per row and component.
 * <p>
 * Why not {@code DataClassRowMapper} itself: it asks {@link ResultSet#findColumn} for the component's name in lower
 * case first and, when the column is named with underscores, catches the {@link SQLException} and asks again, for
 * every row. H2 writes each such exception with its stack trace to the database's {@code .trace.db} file, so a
 * dashboard reading 30,000 waiting referrals wrote 30,000 stack traces (seconds per answer, and a trace file of tens
 * of megabytes). A mapper holds the columns of the query it serves: take a new one per query ({@link #of}).
 */
public final class RowsByName<R extends Record> implements RowMapper<R> {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(constructor, Arrays.stream(components).map(RecordComponent::getName)
                        .toArray(String[]::new), types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
            }
        }
    };

    private record Shape(Constructor<?> constructor, String[] names, Class<?>[] types) {
    }

    private final Shape shape;
    private ResultSet columnsOf;
    private int[] columns;

    private RowsByName(Class<R> type) {
        this.shape = SHAPES.get(type);
    }

    /** A mapper for one query's rows (it remembers that query's columns, so it is not to be shared). */
    public static <R extends Record> RowsByName<R> of(Class<R> type) {
        return new RowsByName<>(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public R mapRow(ResultSet rs, int rowNumber) throws SQLException {
        if (rs != columnsOf) {
            columns = columns(rs.getMetaData());
            columnsOf = rs;
        }
        Object[] args = new Object[columns.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = JdbcUtils.getResultSetValue(rs, columns[i], shape.types()[i]);
        }
        return (R) BeanUtils.instantiateClass(shape.constructor(), args);
    }

    private int[] columns(ResultSetMetaData metaData) throws SQLException {
        Map<String, Integer> byName = new HashMap<>();
        for (int column = metaData.getColumnCount(); column >= 1; column--) {
            // the first of two columns of one name wins, as with findColumn
            byName.put(JdbcUtils.lookupColumnName(metaData, column).toLowerCase(Locale.ROOT), column);
        }
        int[] found = new int[shape.names().length];
        for (int i = 0; i < found.length; i++) {
            String name = shape.names()[i];
            Integer column = byName.get(name.toLowerCase(Locale.ROOT));
            if (column == null) {
                column = byName.get(JdbcUtils.convertPropertyNameToUnderscoreName(name));
            }
            if (column == null) {
                throw new SQLException("no column " + JdbcUtils.convertPropertyNameToUnderscoreName(name)
                        + " for " + shape.constructor().getDeclaringClass().getSimpleName() + "." + name
                        + " among " + byName.keySet());
            }
            found[i] = column;
        }
        return found;
    }
}
