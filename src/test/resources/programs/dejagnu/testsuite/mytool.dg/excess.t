# { dg-do compile }
ERROR: nobody expects this
