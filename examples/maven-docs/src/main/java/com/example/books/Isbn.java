package com.example.books;

/** ISBN-13 check digits: the library whose documentation this example verifies. */
public final class Isbn {

    private Isbn() {
    }

    /** True when the thirteen digits (hyphens allowed) end with the right check digit. */
    public static boolean isValid(String isbn) {
        String digits = isbn.replace("-", "");
        if (!digits.matches("\\d{13}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return sum % 10 == 0;
    }
}
