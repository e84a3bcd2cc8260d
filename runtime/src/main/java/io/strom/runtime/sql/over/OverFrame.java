package io.strom.runtime.sql.over;

import io.strom.data.Row;
import java.util.List;

/**
 * How an OVER frame moves as rows come: which earlier rows it takes back, and which result each
 * new row gets. Called with the current key's accumulators loaded into the handler; used only on
 * the task's thread.
 */
interface OverFrame {

  /** Receives the result rows: an input row with its aggregate values. */
  interface Emitter {
    void emit(Row input, Row values, long time);
  }

  /** Processes rows of the same time, in arrival order, emitting each with its result. */
  void process(List<Row> rows, long time, Emitter out) throws Exception;
}
