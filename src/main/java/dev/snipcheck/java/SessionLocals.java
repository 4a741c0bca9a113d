package dev.snipcheck.java;

import dev.snipcheck.markdown.Block;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top-level {@code var}s of session blocks that can stay locals of their block's run method, where javac infers
 * their types in the one compilation: no later block of the page and no member of their own block names them, their
 * block declares the name once and never assigns it again (so a lambda may capture it, as it could a field). Any
 * mention counts, in a comment or a string too: a {@code var} in doubt becomes a field, as JShell makes every one.
 */
final class SessionLocals {

    /** An assignment after the name: {@code =} that is not {@code ==}, a compound one, or {@code ++}/{@code --}. */
    private static final Pattern ASSIGNED_AFTER =
            Pattern.compile("\\s*(?:(?:[-+*/%&|^]|<<|>>>?)?=(?!=)|\\+\\+|--)");
    private static final Pattern IDENTIFIER =
            Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*");
    private static final Pattern INCREMENTED_BEFORE = Pattern.compile("(?:\\+\\+|--)\\s*$");

    private SessionLocals() {
    }

    static Set<Piece.Declarator> of(Map<PageInput, List<JavaBlock>> pages) {
        Set<Piece.Declarator> locals = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<PageInput, List<JavaBlock>> page : pages.entrySet()) {
            List<Block> all = page.getKey().blocks();
            Map<String, Integer> lastMention = new HashMap<>();
            Map<Block, Integer> indices = new IdentityHashMap<>();
            for (int index = 0; index < all.size(); index++) {
                indices.put(all.get(index), index);
                Matcher identifier = IDENTIFIER.matcher(all.get(index).code());
                while (identifier.find()) {
                    lastMention.put(identifier.group(), index);
                }
            }
            for (JavaBlock block : page.getValue()) {
                if (!block.block().attributes().extendsSession() || block.unit()) {
                    continue;
                }
                int index = indices.get(block.block());
                block.inferredVars().filter(var -> var.declarators().size() == 1)
                        .map(var -> var.declarators().get(0))
                        .filter(declarator -> lastMention.getOrDefault(declarator.name(), -1) <= index
                                && staysLocal(block, declarator))
                        .forEach(locals::add);
            }
        }
        return locals;
    }

    /** Whether its own block leaves the variable as a local could be: declared once, not in a member, not assigned. */
    private static boolean staysLocal(JavaBlock block, Piece.Declarator declarator) {
        Pattern name = Pattern.compile("(?<![\\p{javaJavaIdentifierPart}$])" + Pattern.quote(declarator.name())
                + "(?![\\p{javaJavaIdentifierPart}$])");
        String code = block.block().code();
        long declarations = block.declaredNames().filter(declarator.name()::equals).count();
        if (declarations != 1) {
            return false;
        }
        for (Piece piece : block.pieces()) {
            if (piece instanceof Piece.Member member
                    && name.matcher(code.substring(member.start(), member.end())).find()) {
                return false;
            }
        }
        Matcher mention = name.matcher(code);
        while (mention.find()) {
            if (mention.start() == declarator.nameStart()) {
                continue;
            }
            boolean assigned = ASSIGNED_AFTER.matcher(code).region(mention.end(), code.length()).lookingAt()
                    || INCREMENTED_BEFORE.matcher(code.substring(Math.max(0, mention.start() - 32), mention.start())).find();
            if (assigned) {
                return false;
            }
        }
        return true;
    }
}
