package dev.snipcheck.java;

import dev.snipcheck.markdown.Position;

/**
 * A javac error, at its place in the Markdown file.
 *
 * @param position where the error is in the Markdown file
 * @param message  javac's message, without the names of generated classes
 */
public record CompileError(Position position, String message) {
}
