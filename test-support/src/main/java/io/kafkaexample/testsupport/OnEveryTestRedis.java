package io.kafkaexample.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of the annotated class (and of its subclasses) once on each {@link TestRedis}: the class gets
 * the one of the run in a field {@code @Parameter TestRedis}. For the tests of the Lua scripts, whose keys must
 * share one hash slot on a cluster.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ParameterizedClass(name = "on the {0} Redis")
@EnumSource(TestRedis.class)
public @interface OnEveryTestRedis {
}
