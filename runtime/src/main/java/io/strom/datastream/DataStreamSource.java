package io.strom.datastream;

import io.strom.api.typeinfo.TypeInfo;

/** The stream a source produces. */
public final class DataStreamSource<T> extends SingleOutputStreamOperator<T> {
  DataStreamSource(StreamExecutionEnvironment env, int nodeId, TypeInfo<T> type) {
    super(env, nodeId, type);
  }
}
