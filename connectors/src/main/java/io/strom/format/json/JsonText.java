package io.strom.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.StringWriter;

/** Shared Jackson helpers of the JSON format: the factory, and text for values and messages. */
final class JsonText {
  /** Thread-safe and shared; parsers and generators it creates are not. */
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private JsonText() {}

  /** The JSON text of the object or array whose start is current, leaving the parser at its end. */
  static String copyStructure(JsonParser p) throws IOException {
    StringWriter writer = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(writer)) {
      generator.copyCurrentStructure(p);
    }
    return writer.toString();
  }

  /** {@code text} as a JSON string literal. */
  static String quote(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  /** The current value for an error message, shortened to about 200 characters. */
  static String describe(JsonParser p, JsonToken token) throws IOException {
    String text = switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> quote(p.getText());
      default -> p.getText();
    };
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
