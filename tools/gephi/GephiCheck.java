/*
 * What Gephi makes of a graph file: import it with Gephi Toolkit's own importer (headless), report
 * the counts, the columns, the edge types, the time bounds and the import issues as one JSON object,
 * and optionally lay it out with ForceAtlas2 and export a picture (SVG or PDF) through Gephi's
 * preview/export API.
 *
 * Run by tools/gephi/gephictl.py (which fetches the jars and compiles this file into a cache outside
 * the repository); not meant to be run by hand, though it can be:
 *
 *   java -Djava.awt.headless=true -cp <cache>/classes:<cache>/lib/* GephiCheck \
 *        --json OUT.json [--picture OUT --format svg|pdf --iterations N --seed N]
 *        [--watch-stdin [--run-dir DIR]] FILE
 *
 * Exit codes: 0 done (OUT.json holds the result); 2 bad arguments, file not found or no Gephi
 * importer for its extension; 4 Gephi could not import the file (OUT.json then holds "error" and the
 * issues logged so far); 5 anything else (layout, export, an internal error). Error lines on stderr
 * start with "GEPHICHECK-ERROR: ". With --watch-stdin the JVM exits as soon as its stdin reaches
 * end-of-file (the parent process died), so that it cannot outlive the caller; it then removes the
 * unfinished picture and the --run-dir folder (the caller's temporary folder for this run).
 */

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.gephi.graph.api.AttributeUtils;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Interval;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Table;
import org.gephi.graph.api.TimeFormat;
import org.gephi.io.exporter.api.ExportController;
import org.gephi.io.exporter.spi.Exporter;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.importer.api.NodeDraft;
import org.gephi.io.importer.api.Report;
import org.gephi.io.importer.spi.FileImporter;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.layout.plugin.forceAtlas2.ForceAtlas2;
import org.gephi.layout.plugin.forceAtlas2.ForceAtlas2Builder;
import org.gephi.preview.api.PreviewController;
import org.gephi.preview.api.PreviewProperties;
import org.gephi.preview.api.PreviewProperty;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

public final class GephiCheck {

    static final int EXIT_USAGE = 2;
    static final int EXIT_IMPORT = 4;
    static final int EXIT_OTHER = 5;

    /** A failure with the exit code it ends the run with. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        final int code;

        Failure(int code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }
    }

    private String file;
    private String json;
    private String picture;
    private String format = "svg";
    private int iterations = 200;
    private long seed = 42L;
    private boolean watchStdin;
    private String runDir;

    private final List<Issue> issues = new ArrayList<>();

    public static void main(String[] args) {
        // Gephi and NetBeans print progress and warnings on stdout: keep it for nothing but us.
        PrintStream err = System.err;
        System.setOut(err);
        System.setProperty("java.awt.headless", "true");
        GephiCheck check = new GephiCheck();
        int code;
        try {
            check.parseArgs(args);
            if (check.watchStdin) {
                check.watchStdin();
            }
            check.run();
            code = 0;
        } catch (Failure f) {
            err.println("GEPHICHECK-ERROR: " + oneLine(f.getMessage()));
            if (f.code == EXIT_OTHER && f.getCause() != null) {
                f.getCause().printStackTrace(err);
            }
            code = f.code;
        } catch (Throwable t) {
            err.println("GEPHICHECK-ERROR: internal error: " + oneLine(describe(t)));
            t.printStackTrace(err);
            code = EXIT_OTHER;
        }
        err.flush();
        // NetBeans leaves non-daemon threads (RequestProcessor) behind: end the JVM explicitly.
        System.exit(code);
    }

    private void parseArgs(String[] args) throws Failure {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--json":
                    json = value(args, ++i, a);
                    break;
                case "--picture":
                    picture = value(args, ++i, a);
                    break;
                case "--format":
                    format = value(args, ++i, a);
                    if (!format.equals("svg") && !format.equals("pdf")) {
                        throw new Failure(EXIT_USAGE, "--format must be svg or pdf, not " + format, null);
                    }
                    break;
                case "--iterations":
                    iterations = intValue(args, ++i, a);
                    break;
                case "--seed":
                    seed = intValue(args, ++i, a);
                    break;
                case "--watch-stdin":
                    watchStdin = true;
                    break;
                case "--run-dir":
                    runDir = value(args, ++i, a);
                    break;
                default:
                    if (a.startsWith("--") || file != null) {
                        throw new Failure(EXIT_USAGE, "unexpected argument " + a, null);
                    }
                    file = a;
            }
        }
        if (file == null || json == null) {
            throw new Failure(EXIT_USAGE, "usage: GephiCheck --json OUT.json [--picture OUT --format svg|pdf "
                + "--iterations N --seed N] [--watch-stdin [--run-dir DIR]] FILE", null);
        }
        if (iterations < 0) {
            throw new Failure(EXIT_USAGE, "--iterations must be >= 0", null);
        }
    }

    private static String value(String[] args, int i, String option) throws Failure {
        if (i >= args.length) {
            throw new Failure(EXIT_USAGE, option + " needs a value", null);
        }
        return args[i];
    }

    private static int intValue(String[] args, int i, String option) throws Failure {
        String v = value(args, i, option);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new Failure(EXIT_USAGE, option + " needs an integer, not " + v, null);
        }
    }

    /**
     * End the JVM when stdin reaches end-of-file: the parent that holds its other end is gone (even
     * killed with SIGKILL). What it would have removed goes too: the unfinished picture and the
     * --run-dir folder.
     */
    private void watchStdin() {
        Thread t = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent writes nothing; wait for EOF
                }
            } catch (IOException e) {
                // treated like EOF
            }
            System.err.println("GEPHICHECK-ERROR: stdin closed (the caller is gone): stopping");
            if (picture != null) {
                new File(picture).delete();
            }
            if (runDir != null) {
                deleteTree(new File(runDir));
            }
            Runtime.getRuntime().halt(EXIT_OTHER);
        }, "gephicheck-stdin-watch");
        t.setDaemon(true);
        t.start();
    }

    // ------------------------------------------------------------------------------------- the run

    private void run() throws Failure, IOException {
        File in = new File(file).getAbsoluteFile();
        if (!in.isFile()) {
            throw new Failure(EXIT_USAGE, "no such file: " + in, null);
        }
        ProjectController projects = Lookup.getDefault().lookup(ProjectController.class);
        projects.newProject();
        Workspace workspace = projects.getCurrentWorkspace();
        ImportController importer = Lookup.getDefault().lookup(ImportController.class);

        FileImporter fileImporter = importer.getFileImporter(in);
        if (fileImporter == null) {
            throw new Failure(EXIT_USAGE, "Gephi has no importer for this file name: " + in.getName(), null);
        }
        Container container;
        try {
            container = importer.importFile(in, fileImporter);
        } catch (RuntimeException e) {
            collect(fileImporter.getReport());
            throw importFailure("Gephi could not import " + in.getName() + ": " + describe(e), e);
        }
        if (container == null) {
            collect(fileImporter.getReport());
            throw importFailure("Gephi could not import " + in.getName() + " (the importer gave up)", null);
        }
        boolean positioned;
        try {
            container.verify();  // what Gephi's import dialog runs: zero weights, edge default, ...
            positioned = hasPositions(container);
        } catch (RuntimeException e) {
            collect(container.getReport());
            throw importFailure("Gephi rejected " + in.getName() + ": " + describe(e), e);
        }
        // process() swaps the container's report for the processor's: keep the import issues first
        collect(container.getReport());
        DefaultProcessor processor = new DefaultProcessor();
        try {
            importer.process(container, processor, workspace);
        } catch (RuntimeException e) {
            collect(processor.getReport());
            throw importFailure("Gephi could not load " + in.getName() + " into a workspace: " + describe(e), e);
        }
        collect(processor.getReport());

        GraphModel model = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
        String written = null;
        if (picture != null) {
            layout(model, positioned);
            export(workspace);
            written = picture;
        }
        writeText(result(model, written));
    }

    private Failure importFailure(String message, Throwable cause) throws IOException {
        StringBuilder b = new StringBuilder("{\"error\": ").append(quote(oneLine(message))).append(", \"issues\": ");
        issuesJson(b);
        b.append("}\n");
        writeText(b.toString());
        return new Failure(EXIT_IMPORT, message, cause);
    }

    private void collect(Report report) {
        if (report == null) {
            return;
        }
        Iterator<Issue> it = report.getIssues(Integer.MAX_VALUE);
        while (it.hasNext()) {
            issues.add(it.next());
        }
    }

    /** True if the file gave any node a position (else Gephi places the nodes at random). */
    private static boolean hasPositions(Container container) {
        for (NodeDraft n : container.getUnloader().getNodes()) {
            float x = n.getX();
            float y = n.getY();
            if ((!Float.isNaN(x) && x != 0f) || (!Float.isNaN(y) && y != 0f)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------- picture

    private void layout(GraphModel model, boolean positioned) {
        Graph graph = model.getGraphVisible();
        if (!positioned) {
            // Gephi placed the nodes with Math.random(): start from seeded positions instead, in the
            // graph's (insertion) order, so that the same file gives the same picture.
            Random random = new Random(seed);
            for (Node n : graph.getNodes().toArray()) {
                n.setX(random.nextFloat() * 1000f - 500f);
                n.setY(random.nextFloat() * 1000f - 500f);
            }
        }
        if (iterations == 0 || graph.getNodeCount() == 0) {
            return;
        }
        ForceAtlas2 fa2 = new ForceAtlas2Builder().buildLayout();
        fa2.setGraphModel(model);
        fa2.resetPropertiesValues();
        fa2.setThreadsCount(1);  // one thread: the same result on any machine
        fa2.setScalingRatio(10.0);  // more room between nodes than the default 2, for the labels
        fa2.initAlgo();
        // The last fifth with "prevent overlap" (adjustSizes), as Gephi's documentation advises: a
        // small graph otherwise settles with nodes inside each other and the preview drops its edges.
        int settle = iterations - Math.max(1, iterations / 5);
        try {
            for (int i = 0; i < iterations && fa2.canAlgo(); i++) {
                if (i == settle) {
                    fa2.setAdjustSizes(true);
                }
                fa2.goAlgo();
            }
        } finally {
            fa2.endAlgo();
        }
    }

    private void export(Workspace workspace) throws Failure {
        ExportController exports = Lookup.getDefault().lookup(ExportController.class);
        Exporter exporter = exports.getExporter(format);
        if (exporter == null) {
            throw new Failure(EXIT_OTHER, "Gephi has no " + format + " exporter", null);
        }
        exporter.setWorkspace(workspace);
        // Labels on, straight edges, thin borders: a picture that names what it shows.
        PreviewProperties props = Lookup.getDefault().lookup(PreviewController.class).getModel(workspace)
                .getProperties();
        props.putValue(PreviewProperty.SHOW_NODE_LABELS, Boolean.TRUE);
        props.putValue(PreviewProperty.NODE_LABEL_PROPORTIONAL_SIZE, Boolean.FALSE);
        props.putValue(PreviewProperty.EDGE_CURVED, Boolean.FALSE);
        props.putValue(PreviewProperty.NODE_BORDER_WIDTH, 0.5f);
        try {
            exports.exportFile(new File(picture), exporter);
        } catch (IOException | RuntimeException e) {
            throw new Failure(EXIT_OTHER, "Gephi could not export the " + format + " picture: " + describe(e), e);
        }
    }

    // ------------------------------------------------------------------------------------- result

    private String result(GraphModel model, String written) {
        Graph graph = model.getGraph();
        // True when the graph has time: intervals or timestamps on nodes, edges or attribute values.
        boolean dynamic = model.isDynamic();
        StringBuilder b = new StringBuilder("{");
        b.append("\"nodes\": ").append(graph.getNodeCount());
        b.append(", \"edges\": ").append(graph.getEdgeCount());
        b.append(", \"directed\": ").append(model.isDirected());
        b.append(", \"dynamic\": ").append(dynamic);
        b.append(", \"node_columns\": ");
        columns(b, model.getNodeTable());
        b.append(", \"edge_columns\": ");
        columns(b, model.getEdgeTable());
        b.append(", \"edge_kinds\": [");
        TreeSet<String> kinds = new TreeSet<>();
        for (Object label : model.getEdgeTypeLabels()) {
            if (label != null) {
                kinds.add(label.toString());
            }
        }
        String sep = "";
        for (String k : kinds) {
            b.append(sep).append(quote(k));
            sep = ", ";
        }
        b.append("]");
        b.append(", \"time_bounds\": ");
        if (dynamic) {
            Interval bounds = model.getTimeBounds();
            TimeFormat tf = model.getTimeFormat();
            b.append("[").append(timeValue(bounds.getLow(), tf, model)).append(", ")
                .append(timeValue(bounds.getHigh(), tf, model)).append("]");
        } else {
            b.append("null");
        }
        b.append(", \"issues\": ");
        issuesJson(b);
        b.append(", \"picture\": ").append(written == null ? "null" : quote(written));
        b.append("}\n");
        return b.toString();
    }

    private static void columns(StringBuilder b, Table table) {
        b.append("[");
        String sep = "";
        for (Column c : table) {
            if (c.isProperty()) {
                continue;
            }
            b.append(sep).append("{\"id\": ").append(quote(c.getId()))
                .append(", \"title\": ").append(quote(c.getTitle()))
                .append(", \"type\": ").append(quote(c.getTypeClass().getSimpleName())).append("}");
            sep = ", ";
        }
        b.append("]");
    }

    /** A bound as JSON: null when unbounded, a number for the DOUBLE format, else an ISO string. */
    private static String timeValue(double t, TimeFormat tf, GraphModel model) {
        if (Double.isInfinite(t) || Double.isNaN(t)) {
            return "null";
        }
        if (tf == TimeFormat.DOUBLE) {
            return t == Math.rint(t) && Math.abs(t) < 1e15 ? Long.toString((long) t) : Double.toString(t);
        }
        return quote(AttributeUtils.printTimestampInFormat(t, tf, model.getTimeZone()));
    }

    private void issuesJson(StringBuilder b) {
        b.append("[");
        String sep = "";
        for (Issue i : issues) {
            b.append(sep).append("{\"level\": ").append(quote(i.getLevel().name()))
                .append(", \"message\": ").append(quote(i.getMessage() == null ? "" : i.getMessage())).append("}");
            sep = ", ";
        }
        b.append("]");
    }

    private void writeText(String text) throws IOException {
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(new File(json).toPath()),
            StandardCharsets.UTF_8)) {
            w.write(text);
        }
    }

    // ------------------------------------------------------------------------------------- helpers

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }

    /** The innermost cause's message (an XML parser's "line 3, column 5: ..."), else the class name. */
    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return msg == null || msg.isBlank() ? root.getClass().getSimpleName() : msg;
    }

    static void deleteTree(File f) {
        File[] children = f.listFiles();
        if (children != null && !Files.isSymbolicLink(f.toPath())) {
            for (File c : children) {
                deleteTree(c);
            }
        }
        f.delete();
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}

/**
 * The same entry point under the name tools/javaproc.py expects: its cache check (cache_current,
 * compile_launcher) looks for classes/Launcher.class to tell that the launcher source is compiled.
 */
final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        GephiCheck.main(args);
    }
}
