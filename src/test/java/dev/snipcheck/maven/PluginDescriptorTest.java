package dev.snipcheck.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plugin descriptor that Maven reads (written from CheckMojo's annotations before the tests run) against what
 * docs/ci.md tells a consumer: the goal, its default phase, and each parameter with the property that sets it.
 */
class PluginDescriptorTest {


    @Test
    void goalCheckRunsInVerifyAndDocsCiListsEveryParameterWithItsProperty() throws Exception {
        // beside the mojo's class, in the build's classes directory
        Path classes = Path.of(CheckMojo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path file = classes.resolve("META-INF/maven/plugin.xml");
        Document descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element mojo = (Element) descriptor.getElementsByTagName("mojo").item(0);
        assertEquals("check", text(mojo, "goal"));
        assertEquals("verify", text(mojo, "phase"));
        assertEquals("test", text(mojo, "requiresDependencyResolution"));

        String page = Files.readString(Path.of("docs/ci.md"));
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\| `([\\w.-]+)` \\|").matcher(page);
        List<String> documented = new ArrayList<>();
        while (row.find()) {
            documented.add(row.group(1) + " " + row.group(2));
        }
        List<String> settable = new ArrayList<>();
        Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
        NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0))
                .getElementsByTagName("parameter");
        for (int i = 0; i < parameters.getLength(); i++) {
            Element parameter = (Element) parameters.item(i);
            if (text(parameter, "editable").equals("true")) {
                String name = text(parameter, "name");
                String expression = configuration.getElementsByTagName(name).item(0).getTextContent();
                // the property is the expression's name, e.g. ${snipcheck.paths}
                settable.add(name + " " + expression.replaceAll("^\\$\\{|}$", ""));
            }
        }
        assertTrue(!settable.isEmpty(), "no settable parameter in " + file);
        assertEquals(settable.stream().sorted().toList(), documented.stream().sorted().toList());
    }

    private static String text(Element parent, String child) {
        return parent.getElementsByTagName(child).item(0).getTextContent().strip();
    }
}
