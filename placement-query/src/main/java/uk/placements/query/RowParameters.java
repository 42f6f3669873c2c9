package uk.placements.query;

import org.springframework.beans.BeanUtils;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.AbstractSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.util.ReflectionUtils;

import java.beans.PropertyDescriptor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A row's {@code :parameters} read by name, as Spring's {@link SimplePropertySqlParameterSource} reads them (a record
 * component's accessor, else a JavaBeans getter, else a field of that name, non-public ones too), with each class's
 * accessors found once instead of once per row and parameter.
 * <p>
 * Why: a rebuild writes every row of a read model at once, and Spring's source looked each parameter up again for
 * every row (an introspection cache lookup, then a reflective call): in a JFR profile of rebuilds on PostgreSQL,
 * reading parameters by name was about a fifth of the samples that wrote rows. {@link #reader} goes further for a
 * writer that needs every parameter of a statement: the accessors of the names, resolved once for the class.
 */
public final class RowParameters extends AbstractSqlParameterSource {

    /** A value read from a row. */
    @FunctionalInterface
    public interface Accessor {
        Object read(Object row);
    }

    /** A parameter found on a class: how to read it, and the SQL type of its declared Java type. */
    private record Found(Accessor accessor, int sqlType) {
    }

    private static final ClassValue<Map<String, Optional<Found>>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Optional<Found>> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private final Object row;
    private final Map<String, Optional<Found>> accessors;

    public RowParameters(Object row) {
        this.row = row;
        this.accessors = ACCESSORS.get(row.getClass());
    }

    @Override
    public boolean hasValue(String paramName) {
        return accessor(paramName).isPresent();
    }

    @Override
    public Object getValue(String paramName) {
        return accessor(paramName).orElseThrow(() -> new IllegalArgumentException(
                "No property or field '" + paramName + "' on " + row.getClass().getName())).accessor().read(row);
    }

    /** A type registered for the name, else (as Spring's source) the SQL type of the property's declared type. */
    @Override
    public int getSqlType(String paramName) {
        int registered = super.getSqlType(paramName);
        return registered != TYPE_UNKNOWN ? registered : accessor(paramName).map(Found::sqlType).orElse(TYPE_UNKNOWN);
    }

    @Override
    public String[] getParameterNames() {
        return new SimplePropertySqlParameterSource(row).getParameterNames();
    }

    private Optional<Found> accessor(String name) {
        return found(accessors, row.getClass(), name);
    }

    /** The parameter {@code name} of {@code type}, from the class's cache, looked for the first time it is asked. */
    private static Optional<Found> found(Map<String, Optional<Found>> known, Class<?> type, String name) {
        Optional<Found> found = known.get(name);
        return found != null ? found : known.computeIfAbsent(name, n -> Optional.ofNullable(find(type, n)));
    }

    /**
     * The accessors of {@code names} on rows of {@code type}, in their order; null if one of the names is neither a
     * property nor a field of it.
     */
    public static Accessor[] reader(Class<?> type, List<String> names) {
        Map<String, Optional<Found>> known = ACCESSORS.get(type);
        Accessor[] read = new Accessor[names.size()];
        for (int i = 0; i < read.length; i++) {
            Found found = found(known, type, names.get(i)).orElse(null);
            if (found == null) {
                return null;
            }
            read[i] = found.accessor();
        }
        return read;
    }

    /** As Spring's source looks: a record component, a getter, a field (of the class or a superclass). */
    private static Found find(Class<?> type, String name) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals(name)) {
                    return new Found(of(component.getAccessor()), sqlType(component.getType()));
                }
            }
        }
        PropertyDescriptor property = BeanUtils.getPropertyDescriptor(type, name);
        if (property != null && property.getReadMethod() != null) {
            return new Found(of(property.getReadMethod()), sqlType(property.getPropertyType()));
        }
        Field field = ReflectionUtils.findField(type, name);
        return field == null ? null : new Found(of(field), sqlType(field.getType()));
    }

    private static int sqlType(Class<?> declared) {
        return StatementCreatorUtils.javaTypeToSqlParameterType(declared);
    }

    private static Accessor of(Method getter) {
        ReflectionUtils.makeAccessible(getter);
        return of(() -> MethodHandles.lookup().unreflect(getter), row -> ReflectionUtils.invokeMethod(getter, row));
    }

    private static Accessor of(Field field) {
        ReflectionUtils.makeAccessible(field);
        return of(() -> MethodHandles.lookup().unreflectGetter(field), row -> ReflectionUtils.getField(field, row));
    }

    /** A method handle if the lookup may have one, else the reflective call. */
    private interface Unreflect {
        MethodHandle handle() throws IllegalAccessException;
    }

    private static Accessor of(Unreflect unreflect, Accessor reflective) {
        try {
            return of(unreflect.handle());
        } catch (IllegalAccessException e) {
            return reflective;
        }
    }

    private static Accessor of(MethodHandle handle) {
        MethodHandle general = handle.asType(MethodType.methodType(Object.class, Object.class));
        return row -> {
            try {
                return general.invokeExact(row);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
