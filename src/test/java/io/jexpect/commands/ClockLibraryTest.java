package io.jexpect.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundled Tcl library is copied out of a jar by its index: the index must name every file. */
class ClockLibraryTest {
    private static final Path LIBRARY = Path.of("src/main/resources/io/jexpect/tcl");

    @Test
    void theIndexListsEveryFileOfTheLibrary() throws Exception {
        List<String> index = Files.readAllLines(LIBRARY.resolve("files.txt"));
        try (Stream<Path> files = Files.walk(LIBRARY)) {
            List<String> present = files.filter(Files::isRegularFile)
                    .map(p -> LIBRARY.relativize(p).toString())
                    .filter(name -> !name.equals("files.txt"))
                    .sorted()
                    .toList();
            assertThat(index).isEqualTo(present).contains("clock.tcl", "msgcat-1.6.1.tm", "license.terms", "msgs/de.msg");
        }
    }
}
