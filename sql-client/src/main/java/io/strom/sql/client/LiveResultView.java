package io.strom.sql.client;

import io.strom.planner.print.ResultRows;
import io.strom.planner.print.RowCells;
import io.strom.planner.print.TableauPrinter;
import io.strom.data.Row;
import io.strom.planner.session.JobFailedException;
import io.strom.types.RowType;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The full-screen result of a query, on the terminal's alternate screen: in table mode the table
 * the query's changes describe, updated in place; in changelog mode the changes themselves with
 * their kinds, newest last. A status line shows the refresh interval, the page, the row count,
 * the rate of changes and whether the query still runs; keys page through the result and change
 * the refresh rate; Q (or Ctrl-C) leaves and stops the query.
 *
 * <p>Runs on the shell's thread: it reads rows, keys and redraws in one loop, so nothing in it is
 * shared between threads except the stop flag set by the Ctrl-C handler.
 */
final class LiveResultView {
  private static final long[] REFRESH_MILLIS = {100, 250, 500, 1000, 2000, 5000, 10_000};
  private static final int DRAIN_PER_LOOP = 10_000;
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

  /** How the view ended, for the line the shell prints after it. */
  record Summary(long changes, int rows, boolean finished, JobFailedException failure) {}

  private final Terminal terminal;
  private final boolean changelog;
  private final RowType schema;
  private final ResultRows stream;
  private final int maxRows;
  private final int[] widths;
  private final MaterializedTable table;
  private final Deque<String[]> changes = new ArrayDeque<>();

  private int refreshIndex = 3;
  /** The page shown, 0-based; -1 follows the last page as rows arrive. */
  private int page = -1;
  private long received;
  private long receivedAtLastDraw;
  private long lastDrawNanos;
  private double rate;
  private boolean finished;
  private JobFailedException failure;
  private String updated = "";

  LiveResultView(
      Terminal terminal,
      ShellResult result,
      boolean changelog,
      int maxRows,
      int maxColumnWidth) {
    this.terminal = terminal;
    this.changelog = changelog;
    this.schema = result.schema();
    this.stream = result.stream();
    this.maxRows = maxRows;
    this.table = new MaterializedTable(maxRows);
    int columns = schema.fields().size();
    widths = new int[columns + (changelog ? 1 : 0)];
    int offset = 0;
    if (changelog) {
      widths[0] = 2;
      offset = 1;
    }
    for (int i = 0; i < columns; i++) {
      String name = schema.fields().get(i).name();
      int typical = TableauPrinter.widthOf(schema.fields().get(i).type());
      widths[i + offset] = Math.max(Math.min(name.length(), maxColumnWidth), Math.min(typical, maxColumnWidth));
    }
  }

  /** Shows the result until the user leaves (Q, Ctrl-C) or {@code stop} says so. */
  Summary show(BooleanSupplier stop) throws IOException, InterruptedException {
    Attributes saved = terminal.enterRawMode();
    terminal.puts(Capability.enter_ca_mode);
    terminal.puts(Capability.keypad_xmit);
    terminal.puts(Capability.cursor_invisible);
    terminal.flush();
    Display display = new Display(terminal, true);
    try {
      long nextDraw = 0;
      boolean leave = false;
      while (!leave && !stop.getAsBoolean()) {
        boolean changed = drain();
        long now = System.nanoTime();
        if (now >= nextDraw || (changed && (finished || failure != null))) {
          draw(display);
          nextDraw = now + REFRESH_MILLIS[refreshIndex] * 1_000_000L;
        }
        int key = terminal.reader().read(40);
        if (key != NonBlockingReader.READ_EXPIRED) {
          leave = onKey(key);
          draw(display);
        }
      }
    } finally {
      terminal.puts(Capability.cursor_visible);
      terminal.puts(Capability.keypad_local);
      terminal.puts(Capability.exit_ca_mode);
      terminal.setAttributes(saved);
      terminal.flush();
    }
    int rows = changelog ? changes.size() : table.size();
    return new Summary(received, rows, finished, failure);
  }

  /** Takes the rows that have arrived; returns whether anything changed. */
  private boolean drain() throws InterruptedException {
    if (finished || failure != null) {
      return false;
    }
    boolean changed = false;
    try {
      for (int i = 0; i < DRAIN_PER_LOOP; i++) {
        Row row = stream.poll(Duration.ZERO);
        if (row == null) {
          if (stream.isFinished()) {
            finished = true;
            changed = true;
          }
          break;
        }
        accept(row);
        changed = true;
      }
    } catch (JobFailedException e) {
      failure = e;
      changed = true;
    }
    if (changed) {
      updated = LocalTime.now().format(CLOCK);
    }
    return changed;
  }

  private void accept(Row row) {
    received++;
    String[] cells = RowCells.of(row, schema);
    if (changelog) {
      String[] withKind = new String[cells.length + 1];
      withKind[0] = row.kind().shortString();
      System.arraycopy(cells, 0, withKind, 1, cells.length);
      changes.addLast(withKind);
      if (changes.size() > maxRows) {
        changes.removeFirst();
      }
    } else {
      table.apply(row.kind(), cells);
    }
  }

  /** Handles a key; returns whether to leave the view. */
  private boolean onKey(int key) throws IOException {
    switch (key) {
      case 'q', 'Q', 3, NonBlockingReader.EOF -> {
        return true;
      }
      case '+' -> refreshIndex = Math.max(0, refreshIndex - 1);
      case '-' -> refreshIndex = Math.min(REFRESH_MILLIS.length - 1, refreshIndex + 1);
      case 'n', 'N', ' ' -> page = Math.min(currentPage() + 1, pages() - 1);
      case 'p', 'P' -> page = Math.max(currentPage() - 1, 0);
      case 'g', 'G' -> page = 0;
      case 'l', 'L' -> page = -1;
      case 27 -> escapeSequence();
      default -> {
        // Other keys do nothing; the key help on the last line lists the ones that do.
      }
    }
    return false;
  }

  /** Page Up/Down and the arrow keys arrive as escape sequences. */
  private void escapeSequence() throws IOException {
    if (terminal.reader().read(20) != '[') {
      return;
    }
    int code = terminal.reader().read(20);
    if (code == '5' || code == '6') {
      terminal.reader().read(20); // the closing '~'
    }
    if (code == '6' || code == 'B') {
      page = Math.min(currentPage() + 1, pages() - 1);
    } else if (code == '5' || code == 'A') {
      page = Math.max(currentPage() - 1, 0);
    }
  }

  private int rowCount() {
    return changelog ? changes.size() : table.size();
  }

  private int pageSize() {
    return Math.max(1, size().getRows() - 6);
  }

  private int pages() {
    return Math.max(1, (rowCount() + pageSize() - 1) / pageSize());
  }

  private int currentPage() {
    return page < 0 ? pages() - 1 : Math.min(page, pages() - 1);
  }

  private Size size() {
    Size size = terminal.getSize();
    if (size.getRows() <= 0 || size.getColumns() <= 0) {
      return new Size(80, 24);
    }
    return size;
  }

  private void draw(Display display) {
    Size size = size();
    display.resize(size.getRows(), size.getColumns());
    long now = System.nanoTime();
    if (lastDrawNanos > 0 && now > lastDrawNanos) {
      rate = (received - receivedAtLastDraw) * 1e9 / (now - lastDrawNanos);
    }
    lastDrawNanos = now;
    receivedAtLastDraw = received;

    int width = size.getColumns();
    List<AttributedString> lines = new ArrayList<>();
    String title = "Strom SQL - Query Result (" + (changelog ? "Changelog" : "Table") + ")";
    lines.add(bar(center(title, width), width));
    lines.add(new AttributedString(cut(status(), width)));
    lines.add(AttributedString.EMPTY);
    lines.add(new AttributedStringBuilder().styled(AttributedStyle.BOLD, cut(header(), width)).toAttributedString());
    List<String[]> rows = changelog ? new ArrayList<>(changes) : table.rows();
    int from = currentPage() * pageSize();
    for (int i = from; i < Math.min(rows.size(), from + pageSize()); i++) {
      lines.add(new AttributedString(cut(line(rows.get(i)), width)));
    }
    while (lines.size() < size.getRows() - 1) {
      lines.add(AttributedString.EMPTY);
    }
    lines.add(bar("Q Quit  + Faster  - Slower  N Next page  P Previous page  G First  L Last (follow)", width));
    display.update(lines, -1);
    terminal.flush();
  }

  private String status() {
    String state =
        failure != null ? "Failed" : finished ? "Finished" : "Running (" + Math.round(rate) + " rows/s)";
    long refresh = REFRESH_MILLIS[refreshIndex];
    return " Refresh: " + (refresh < 1000 ? refresh + " ms" : refresh / 1000 + " s")
        + "   Page: " + (currentPage() + 1) + " of " + pages() + (page < 0 ? " (following)" : "")
        + "   Rows: " + rowCount()
        + (changelog ? "" : "   Changes: " + received)
        + "   Updated: " + updated
        + watermark()
        + "   " + state
        + (failure == null ? "" : ": " + failure.getMessage().lines().findFirst().orElse(""));
  }

  /**
   * How far event time has come, for a query with event time: the last watermark that reached
   * the result (as a TIMESTAMP(3) shows) and how far it is behind the wall clock.
   */
  private String watermark() {
    java.util.OptionalLong watermark = stream.watermark();
    if (watermark.isEmpty()) {
      return "";
    }
    java.time.LocalDateTime time = java.time.LocalDateTime.ofEpochSecond(
        Math.floorDiv(watermark.getAsLong(), 1000L),
        (int) Math.floorMod(watermark.getAsLong(), 1000L) * 1_000_000,
        java.time.ZoneOffset.UTC);
    return "   Watermark: " + RowCells.timestamp(time, 3)
        + " (" + lag(System.currentTimeMillis() - watermark.getAsLong()) + ")";
  }

  /** A lag behind the wall clock in the largest unit that reads well: {@code 3.2 s behind}. */
  static String lag(long millis) {
    if (millis < 0) {
      return "ahead of the clock";
    }
    if (millis < 60_000) {
      return String.format(java.util.Locale.ROOT, "%.1f s behind", millis / 1000.0);
    }
    if (millis < 3_600_000) {
      return millis / 60_000 + " min behind";
    }
    if (millis < 86_400_000) {
      return millis / 3_600_000 + " h behind";
    }
    return millis / 86_400_000 + " d behind";
  }

  private String header() {
    List<String> names = new ArrayList<>();
    if (changelog) {
      names.add("op");
    }
    schema.fields().forEach(f -> names.add(f.name()));
    return line(names.toArray(new String[0]));
  }

  private String line(String[] cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String cell = RowCells.fit(cells[i], widths[i]);
      b.append(' ').append(" ".repeat(widths[i] - cell.length())).append(cell);
    }
    return b.toString();
  }

  private static AttributedString bar(String text, int width) {
    String padded = cut(text, width);
    padded = padded + " ".repeat(Math.max(0, width - padded.length()));
    return new AttributedStringBuilder().styled(AttributedStyle.INVERSE, padded).toAttributedString();
  }

  private static String center(String text, int width) {
    return " ".repeat(Math.max(0, (width - text.length()) / 2)) + text;
  }

  private static String cut(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width);
  }
}
