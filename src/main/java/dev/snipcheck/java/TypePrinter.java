package dev.snipcheck.java;

import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Writes the type javac inferred for a {@code var} as source text that can declare a field: fully
 * qualified, with anonymous and intersection types replaced by the supertype a reader would name.
 */
final class TypePrinter {

    private TypePrinter() {
    }

    /** Empty when the type is erroneous or cannot be written. */
    static Optional<String> print(TypeMirror type) {
        try {
            return Optional.of(write(type));
        } catch (IllegalArgumentException unprintable) {
            return Optional.empty();
        }
    }

    private static String write(TypeMirror type) {
        TypeKind kind = type.getKind();
        if (kind.isPrimitive()) {
            return type.toString();
        }
        switch (kind) {
            case ARRAY:
                return write(((ArrayType) type).getComponentType()) + "[]";
            case DECLARED:
                return declared((DeclaredType) type);
            case INTERSECTION:
                return write(((IntersectionType) type).getBounds().get(0));
            case NULL:
                return "java.lang.Object";
            case TYPEVAR:
                return write(((javax.lang.model.type.TypeVariable) type).getUpperBound());
            default:
                throw new IllegalArgumentException("cannot write type " + type);
        }
    }

    private static String declared(DeclaredType type) {
        TypeElement element = (TypeElement) type.asElement();
        if (element.getNestingKind() == NestingKind.ANONYMOUS) {
            TypeMirror named = element.getInterfaces().isEmpty() ? element.getSuperclass() : element.getInterfaces().get(0);
            return write(named);
        }
        if (element.getNestingKind() == NestingKind.LOCAL) {
            throw new IllegalArgumentException("local class " + element);
        }
        StringBuilder out = new StringBuilder(element.getQualifiedName());
        if (!type.getTypeArguments().isEmpty()) {
            StringJoiner args = new StringJoiner(", ", "<", ">");
            for (TypeMirror argument : type.getTypeArguments()) {
                args.add(argument(argument));
            }
            out.append(args);
        }
        return out.toString();
    }

    private static String argument(TypeMirror argument) {
        if (argument.getKind() == TypeKind.WILDCARD) {
            WildcardType wildcard = (WildcardType) argument;
            if (wildcard.getExtendsBound() != null) {
                return "? extends " + write(wildcard.getExtendsBound());
            }
            if (wildcard.getSuperBound() != null) {
                return "? super " + write(wildcard.getSuperBound());
            }
            return "?";
        }
        if (argument.getKind() == TypeKind.TYPEVAR) {
            // a captured wildcard: its bound, as a wildcard, is what the declaration can say
            return "? extends " + write(((javax.lang.model.type.TypeVariable) argument).getUpperBound());
        }
        return write(argument);
    }
}
