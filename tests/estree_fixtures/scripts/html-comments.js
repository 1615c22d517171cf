<!-- an HTML open comment at the start
var a = 1; <!-- after code
--> an HTML close comment at the start of a line
  --> after blanks
/* a block comment */ --> after a block comment
/*
 multi-line block comment
*/ --> after a multi-line block comment
a = a-->0;
a = a<!--b;
