package no.regforms.examples.preview;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a registry folder and its subfolders with the JDK's {@link WatchService} and calls back
 * once a burst of changes to definition files has settled, so that an editor's save (often a
 * truncate and a write, or a write to a temporary file and a rename) gives one reload, not several.
 *
 * <p>Changes to files that are not JSON (an editor's swap and backup files) are ignored; a new
 * subfolder is watched as soon as it appears.
 */
final class FolderWatcher implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);

  /** How long the folder must be quiet before the callback runs. */
  static final long SETTLE_MILLIS = 150;

  private final WatchService service;
  private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
  private final Runnable onChange;
  private final Thread thread;

  private FolderWatcher(Path root, Runnable onChange) throws IOException {
    this.service = root.getFileSystem().newWatchService();
    this.onChange = onChange;
    register(root);
    this.thread = new Thread(this::run, "regforms-preview-watcher");
    thread.setDaemon(true);
  }

  /** Starts watching {@code root}; {@code onChange} runs on the watcher's own thread. */
  static FolderWatcher start(Path root, Runnable onChange) throws IOException {
    FolderWatcher watcher = new FolderWatcher(root, onChange);
    watcher.thread.start();
    return watcher;
  }

  private void register(Path folder) throws IOException {
    try (Stream<Path> tree = Files.walk(folder)) {
      for (Path dir : tree.filter(Files::isDirectory).toList()) {
        folders.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
      }
    }
  }

  private void run() {
    try {
      while (true) {
        boolean relevant = drain(service.take());
        WatchKey more;
        while ((more = service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          relevant |= drain(more);
        }
        if (relevant) {
          reload();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ClosedWatchServiceException e) {
      // closed: stop watching
    }
  }

  private void reload() {
    try {
      onChange.run();
    } catch (RuntimeException e) {
      // A bug in loading must not end the watching: say so, and load again on the next change.
      log.error("reloading the folder failed", e);
    }
  }

  /**
   * Reads the events of {@code key}, watches new subfolders, and tells whether a definition file
   * changed.
   */
  private boolean drain(WatchKey key) {
    Path folder = folders.get(key);
    boolean relevant = false;
    List<WatchEvent<?>> events = key.pollEvents();
    for (WatchEvent<?> event : events) {
      if (event.kind() == OVERFLOW || folder == null) {
        relevant = true;
        continue;
      }
      Path changed = folder.resolve((Path) event.context());
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed)) {
        try {
          register(changed);
        } catch (IOException e) {
          log.warn("cannot watch new folder {}: {}", changed.getFileName(), e.getMessage());
        }
        relevant = true;
      } else if (changed.getFileName().toString().endsWith(".json")
          || folders.containsValue(changed)) {
        relevant = true;
      }
    }
    if (!key.reset()) {
      folders.remove(key);
    }
    return relevant;
  }

  @Override
  public void close() throws IOException {
    service.close();
    thread.interrupt();
  }
}
