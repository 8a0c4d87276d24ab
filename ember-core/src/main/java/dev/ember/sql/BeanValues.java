package dev.ember.sql;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.exec.RddScanExec;
import dev.ember.sql.types.AtomicType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The rows of Java beans ({@code createDataFrame(rdd, beanClass)}): a column per readable
 * property, in alphabetical order as Spark orders them, typed from the getter's type.
 */
final class BeanValues implements RddScanExec.ToValues {
    private static final long serialVersionUID = 1L;

    private final Class<?> beanClass;
    private final List<String> getters;
    private transient Method[] methods;

    private BeanValues(Class<?> beanClass, List<String> getters) {
        this.beanClass = beanClass;
        this.getters = List.copyOf(getters);
    }

    /** The readable properties of a bean class, by name. */
    private static List<PropertyDescriptor> properties(Class<?> beanClass) {
        try {
            return Arrays.stream(Introspector.getBeanInfo(beanClass, Object.class).getPropertyDescriptors())
                    .filter(p -> p.getReadMethod() != null)
                    .sorted(Comparator.comparing(PropertyDescriptor::getName))
                    .toList();
        } catch (IntrospectionException e) {
            throw new IllegalArgumentException("cannot read the properties of " + beanClass.getName(), e);
        }
    }

    static StructType schema(Class<?> beanClass) {
        List<StructField> fields = new ArrayList<>();
        for (PropertyDescriptor property : properties(beanClass)) {
            Class<?> type = property.getPropertyType();
            fields.add(new StructField(property.getName(), dataType(type), !type.isPrimitive()));
        }
        return new StructType(fields);
    }

    static BeanValues of(Class<?> beanClass) {
        return new BeanValues(beanClass, properties(beanClass).stream().map(p -> p.getReadMethod().getName()).toList());
    }

    private static DataType dataType(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return AtomicType.INT;
        }
        if (type == long.class || type == Long.class) {
            return AtomicType.LONG;
        }
        if (type == double.class || type == Double.class) {
            return AtomicType.DOUBLE;
        }
        if (type == float.class || type == Float.class) {
            return AtomicType.FLOAT;
        }
        if (type == short.class || type == Short.class) {
            return AtomicType.SHORT;
        }
        if (type == byte.class || type == Byte.class) {
            return AtomicType.BYTE;
        }
        if (type == boolean.class || type == Boolean.class) {
            return AtomicType.BOOLEAN;
        }
        if (type == String.class) {
            return AtomicType.STRING;
        }
        if (type == BigDecimal.class) {
            return new DecimalType(38, 18);
        }
        if (type == LocalDate.class || type == java.sql.Date.class) {
            return AtomicType.DATE;
        }
        if (type == Instant.class || type == java.sql.Timestamp.class) {
            return AtomicType.TIMESTAMP;
        }
        throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "bean properties of type " + type.getName());
    }

    @Override
    public Object[] values(Object element) {
        Method[] resolved = methods();
        Object[] values = new Object[resolved.length];
        try {
            for (int i = 0; i < resolved.length; i++) {
                values[i] = normalize(resolved[i].invoke(element));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read a property of " + beanClass.getName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("a getter of " + beanClass.getName() + " failed", e.getCause());
        }
        return values;
    }

    private static Object normalize(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.setScale(18, java.math.RoundingMode.HALF_UP);
        }
        return value;
    }

    private Method[] methods() {
        Method[] resolved = methods;
        if (resolved == null) {
            resolved = new Method[getters.size()];
            try {
                for (int i = 0; i < resolved.length; i++) {
                    resolved[i] = beanClass.getMethod(getters.get(i));
                    resolved[i].setAccessible(true);
                }
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
            methods = resolved;
        }
        return resolved;
    }
}
