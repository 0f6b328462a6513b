package io.localsam.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * JSON as SAM CLI prints it, which is Python's {@code json.dumps}: {@code ", "} and {@code ": "}
 * between items ({@code invoke}'s result, non-ASCII kept), or two-space indentation and non-ASCII
 * escaped ({@code generate-event}, which calls {@code json.dumps} with its default {@code
 * ensure_ascii}).
 */
final class PythonJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory JSON = MAPPER.getFactory();

  private PythonJson() {}

  /**
   * A payload re-printed as {@code json.dumps(json.loads(payload))} would: integers as written
   * (Python's are exact), other numbers as Python prints a float ({@code 1.0E20} is {@code 1e+20});
   * null when the payload is not one JSON value (SAM then prints it as it is).
   */
  static String compact(byte[] payload) {
    StringWriter out = new StringWriter();
    try (JsonParser parser = JSON.createParser(payload);
        JsonGenerator generator = JSON.createGenerator(out)) {
      generator.setPrettyPrinter(new Printer(false));
      if (parser.nextToken() == null) {
        return null;
      }
      int depth = 0;
      do {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
          generator.writeNumber(pythonFloat(parser.getText()));
        } else if (token == JsonToken.VALUE_NUMBER_INT && parser.getText().equals("-0")) {
          generator.writeNumber("0"); // a Python int has no negative zero
        } else {
          generator.copyCurrentEventExact(parser);
        }
        depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
      } while (depth > 0 && parser.nextToken() != null);
      if (depth != 0 || parser.nextToken() != null) {
        return null;
      }
    } catch (IOException e) {
      return null;
    }
    return out.toString();
  }

  /**
   * {@code repr(float(text))}: the shortest digits that read back as the same double, in fixed
   * notation when the decimal point falls within 16 places ({@code 100.5}, {@code 0.0001}, {@code
   * 1e15} as {@code 1000000000000000.0}), else as {@code 1e+16} or {@code 1e-05}.
   */
  static String pythonFloat(String text) {
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    String sign = value < 0 || (value == 0 && 1 / value < 0) ? "-" : "";
    if (value == 0) {
      return sign + "0.0";
    }
    BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int point = digits.length() - shortest.scale(); // value = 0.digits × 10^point
    if (point > -4 && point <= 16) {
      if (point <= 0) {
        return sign + "0." + "0".repeat(-point) + digits;
      }
      if (point >= digits.length()) {
        return sign + digits + "0".repeat(point - digits.length()) + ".0";
      }
      return sign + digits.substring(0, point) + "." + digits.substring(point);
    }
    int exponent = point - 1;
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign
        + mantissa
        + "e"
        + (exponent < 0 ? "-" : "+")
        + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
  }

  /** {@code json.dumps(value, indent=2)}. */
  static String indented(JsonNode value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      generator.setPrettyPrinter(new Printer(true));
      generator.setCharacterEscapes(AsciiEscapes.INSTANCE);
      MAPPER.writeTree(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * {@code ensure_ascii}: what is not printable ASCII as a backslash, u and four lowercase hex
   * digits (each UTF-16 unit, so a surrogate pair is two), where Jackson would write uppercase or
   * not escape at all.
   */
  private static final class AsciiEscapes extends CharacterEscapes {
    static final AsciiEscapes INSTANCE = new AsciiEscapes();
    private final int[] ascii = standardAsciiEscapesForJSON();

    private AsciiEscapes() {
      for (int c = 0; c < ascii.length; c++) {
        if (ascii[c]
            == ESCAPE_STANDARD) { // control characters without a short escape (a newline has one)
          ascii[c] = ESCAPE_CUSTOM;
        }
      }
      ascii[0x7F] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return new SerializedString(String.format("\\u%04x", ch));
    }
  }

  /**
   * Python's separators; with {@code indent}, one item per line, and empty containers stay {@code
   * {}} and {@code []}.
   */
  private static final class Printer implements PrettyPrinter {
    private final boolean indent;
    private int depth;

    Printer(boolean indent) {
      this.indent = indent;
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
      // one root value only
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      g.writeRaw('{');
      depth++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
      newLine(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(',');
      separate(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
      depth--;
      if (entries > 0) {
        newLine(g);
      }
      g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      g.writeRaw('[');
      depth++;
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      newLine(g);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(',');
      separate(g);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      depth--;
      if (values > 0) {
        newLine(g);
      }
      g.writeRaw(']');
    }

    private void separate(JsonGenerator g) throws IOException {
      if (indent) {
        newLine(g);
      } else {
        g.writeRaw(' ');
      }
    }

    private void newLine(JsonGenerator g) throws IOException {
      if (indent) {
        g.writeRaw('\n');
        for (int i = 0; i < depth; i++) {
          g.writeRaw("  ");
        }
      }
    }
  }
}
