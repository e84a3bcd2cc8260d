package io.strom.api.functions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The SQL type of a user-defined function's result (on the method or class) or parameter, written
 * as in SQL: {@code @DataTypeHint("DECIMAL(10, 2)")}, {@code @DataTypeHint("ARRAY<STRING>")}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface DataTypeHint {
  /** The SQL type. */
  String value();
}
