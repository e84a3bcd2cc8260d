package io.strom.runtime.sql.rank;

/** The ranking function of a Top-N: how rows whose sort keys tie are numbered. */
public enum RankType {
  /** 1, 2, 3, 4: every row its own number; rows that tie are numbered in order of arrival. */
  ROW_NUMBER,
  /** 1, 2, 2, 4: rows that tie share a number, and the next number skips the ones they used. */
  RANK,
  /** 1, 2, 2, 3: rows that tie share a number, and the next number follows on. */
  DENSE_RANK
}
