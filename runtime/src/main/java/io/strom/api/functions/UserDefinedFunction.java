package io.strom.api.functions;

import java.io.Serializable;

/** Common lifecycle of user-defined SQL functions: opened before first use, closed after last. */
public interface UserDefinedFunction extends Serializable {

  /** Called once per parallel instance before the first call. */
  void open(FunctionContext context) throws Exception;

  /** Called once per parallel instance after the last call. */
  void close() throws Exception;
}
