package dev.snipcheck.java;

import javax.tools.SimpleJavaFileObject;
import java.net.URI;

/** Java source held in memory, named like the file javac expects for its public class. */
final class StringSource extends SimpleJavaFileObject {

    private final String text;

    StringSource(String path, String text) {
        super(URI.create("string:///" + path), Kind.SOURCE);
        this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
    }
}
