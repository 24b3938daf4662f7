package io.jexpect.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.ModuleSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The JUnit Platform engine for {@code .exp} files (id {@code jexpect}), found through the service
 * loader: with jexpect on the test classpath, {@code mvn test}, Gradle and IDEs run the scripts
 * under {@code src/test/exp} beside the Java tests. Each file is a container; each result it
 * reports ({@code pass}, {@code fail} …) is a test: PASS passes, XFAIL and KFAIL pass with a note,
 * FAIL, XPASS, KPASS and UNRESOLVED fail, UNTESTED and UNSUPPORTED are skipped. A file that reports
 * nothing is one test that passes when the script ends without error and with status 0. Each file
 * runs in an interpreter of its own, within a time limit after which it is stopped and every
 * program it spawned is ended; its transcript is written to a file and attached to failures.
 *
 * <p>Configuration parameters (e.g. surefire's {@code configurationParameters}, or system properties):
 * <ul>
 *   <li>{@code jexpect.exp.directory}: where to look when the run scans the whole test classpath
 *       (default {@code src/test/exp}; {@code none} turns the engine off);</li>
 *   <li>{@code jexpect.exp.timeout}: seconds one file may run (default 60);</li>
 *   <li>{@code jexpect.exp.transcripts}: folder for the transcripts (default
 *       {@code target/jexpect-transcripts});</li>
 *   <li>{@code jexpect.exp.updateSnapshots}: {@code true} makes {@code screen snapshot} write its
 *       golden files instead of comparing (default false).</li>
 * </ul>
 * File, directory and unique-id selectors (an IDE's "run this file" or "re-run this test") choose
 * files and results directly.
 */
public final class ExpTestEngine implements TestEngine {
    /** The engine's id in unique ids: {@code [engine:jexpect]/[file:src/test/exp/a.exp]/[result:login]}. */
    public static final String ID = "jexpect";
    static final String FILE = "file", RESULT = "result";
    private static final String DIRECTORY_KEY = "jexpect.exp.directory";
    private static final String TIMEOUT_KEY = "jexpect.exp.timeout";
    private static final String TRANSCRIPTS_KEY = "jexpect.exp.transcripts";
    private static final String UPDATE_SNAPSHOTS_KEY = "jexpect.exp.updateSnapshots";

    /** Creates the engine (the service loader does). */
    public ExpTestEngine() {
    }

    /** {@value #ID}. */
    @Override
    public String getId() {
        return ID;
    }

    /** Finds the {@code .exp} files the request selects (see the class comment). */
    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId engineId) {
        EngineDescriptor engine = new EngineDescriptor(engineId, "jexpect .exp tests");
        Map<String, Set<String>> files = new LinkedHashMap<>(); // file name → results wanted (empty: all)
        try {
            for (UniqueIdSelector s : request.getSelectorsByType(UniqueIdSelector.class)) {
                List<UniqueId.Segment> segs = s.getUniqueId().getSegments();
                if (!s.getUniqueId().hasPrefix(engineId) || segs.size() < 2 || !segs.get(1).getType().equals(FILE)) continue;
                Set<String> results = files.computeIfAbsent(segs.get(1).getValue(), k -> new LinkedHashSet<>());
                if (segs.size() > 2 && segs.get(2).getType().equals(RESULT)) {
                    results.add(segs.get(2).getValue());
                } else {
                    files.put(segs.get(1).getValue(), new LinkedHashSet<>()); // the whole file
                }
            }
            for (FileSelector s : request.getSelectorsByType(FileSelector.class)) {
                if (s.getRawPath().endsWith(".exp")) addAll(files, List.of(s.getRawPath()));
            }
            for (DirectorySelector s : request.getSelectorsByType(DirectorySelector.class)) {
                addAll(files, List.of(s.getRawPath()));
            }
            if (files.isEmpty() && scansClasspath(request)) {
                String dir = request.getConfigurationParameters().get(DIRECTORY_KEY).orElse("src/test/exp");
                if (!dir.equals("none") && Files.isDirectory(Path.of(dir))) addAll(files, List.of(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.forEach((name, results) -> engine.addChild(
                new ExpFileDescriptor(engineId.append(FILE, name), name, Path.of(name), results)));
        return engine;
    }

    private static void addAll(Map<String, Set<String>> files, List<String> paths) throws IOException {
        for (String name : ScriptFiles.find(paths).keySet()) files.put(name, new LinkedHashSet<>());
    }

    /** A build tool's or IDE's "run the tests" request selects classes or classpath roots, not files. */
    private static boolean scansClasspath(EngineDiscoveryRequest request) {
        return !request.getSelectorsByType(ClassSelector.class).isEmpty()
                || !request.getSelectorsByType(ClasspathRootSelector.class).isEmpty()
                || !request.getSelectorsByType(PackageSelector.class).isEmpty()
                || !request.getSelectorsByType(ModuleSelector.class).isEmpty();
    }

    /** Runs the files one after the other, reporting each result as soon as the script reports it. */
    @Override
    public void execute(ExecutionRequest request) {
        EngineExecutionListener listener = request.getEngineExecutionListener();
        TestDescriptor root = request.getRootTestDescriptor();
        ConfigurationParameters cfg = request.getConfigurationParameters();
        Duration timeout = Duration.ofMillis(Math.round(1000 * Double.parseDouble(cfg.get(TIMEOUT_KEY).orElse("60"))));
        Path transcripts = Path.of(cfg.get(TRANSCRIPTS_KEY).orElse("target/jexpect-transcripts"));
        ScriptRunner runner = new ScriptRunner(timeout, transcripts, cfg.getBoolean(UPDATE_SNAPSHOTS_KEY).orElse(false));
        listener.executionStarted(root);
        for (TestDescriptor file : root.getChildren()) ((ExpFileDescriptor) file).execute(runner, listener);
        listener.executionFinished(root, org.junit.platform.engine.TestExecutionResult.successful());
    }
}
