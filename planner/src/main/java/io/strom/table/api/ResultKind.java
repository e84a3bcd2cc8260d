package io.strom.table.api;

/** Whether a statement's result has rows. */
public enum ResultKind {
  /** Done, nothing to show (DDL, SET). */
  SUCCESS,
  /** Rows: a query's, or a statement's report (SHOW, an insert's job id or rows written). */
  SUCCESS_WITH_CONTENT
}
