package io.strom.format.json;

import java.io.IOException;

/** A row cannot be written as JSON with the table's options, e.g. a map with a NULL key. */
final class JsonEncodeException extends IOException {
  private static final long serialVersionUID = 1L;

  JsonEncodeException(String message) {
    super(message);
  }
}
