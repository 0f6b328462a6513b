package io.localsam.runtime;

import io.localsam.runtime.sandbox.LambdaStreams;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a function class's reads of {@code System.out}/{@code System.err}, its calls to
 * {@code System.setOut}/{@code setErr} and {@code Thread.set/getDefaultUncaughtExceptionHandler} (direct
 * calls and method references) into calls to its environment's {@link LambdaStreams}: one JVM, so those
 * are JVM-wide, while in Lambda they are the function's own. A step after {@link SystemCallRewriter};
 * classes that mention none of them are returned untouched without parsing.
 */
final class OutputCallRewriter {
  static final String TARGET = Type.getInternalName(LambdaStreams.class);
  /** The class each environment's loader defines for the rewritten calls to land in. */
  static final String SANDBOX = LambdaStreams.class.getName();
  private static final String PRINT_STREAM = "Ljava/io/PrintStream;";
  private static final String HANDLER = "DefaultUncaughtExceptionHandler";
  // Whole constant-pool strings every rewritten call needs: the streams' field type, setOut/setErr's
  // descriptor, the handler methods' names.
  private static final byte[][] MARKERS = {bytes(PRINT_STREAM), bytes("(" + PRINT_STREAM + ")V"),
      bytes("set" + HANDLER), bytes("get" + HANDLER)};

  private OutputCallRewriter() {}

  static byte[] rewrite(byte[] classFile) {
    if (!mentionsAny(classFile)) {
      return classFile;
    }
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    boolean[] changed = {false};
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
          @Override
          public void visitFieldInsn(int opcode, String owner, String field, String desc) {
            if (opcode == Opcodes.GETSTATIC && owner.equals("java/lang/System") && desc.equals(PRINT_STREAM)
                && (field.equals("out") || field.equals("err"))) {
              changed[0] = true; // same stack effect: one PrintStream pushed
              super.visitMethodInsn(Opcodes.INVOKESTATIC, TARGET, field, "()" + PRINT_STREAM, false);
            } else {
              super.visitFieldInsn(opcode, owner, field, desc);
            }
          }

          @Override
          public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && isReplaced(owner, method, desc)) {
              changed[0] = true;
              super.visitMethodInsn(Opcodes.INVOKESTATIC, TARGET, method, desc, false);
            } else {
              super.visitMethodInsn(opcode, owner, method, desc, isInterface);
            }
          }

          @Override
          public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap, Object... arguments) {
            for (int i = 0; i < arguments.length; i++) {
              if (arguments[i] instanceof Handle handle && handle.getTag() == Opcodes.H_INVOKESTATIC
                  && isReplaced(handle.getOwner(), handle.getName(), handle.getDesc())) {
                changed[0] = true;
                arguments[i] = new Handle(Opcodes.H_INVOKESTATIC, TARGET, handle.getName(), handle.getDesc(), false);
              }
            }
            super.visitInvokeDynamicInsn(name, desc, bootstrap, arguments);
          }
        };
      }
    }, 0);
    return changed[0] ? writer.toByteArray() : classFile;
  }

  private static boolean isReplaced(String owner, String name, String descriptor) {
    return owner.equals("java/lang/System") && (name.equals("setOut") || name.equals("setErr"))
        && descriptor.equals("(" + PRINT_STREAM + ")V")
        || owner.equals("java/lang/Thread") && (name.equals("set" + HANDLER) || name.equals("get" + HANDLER));
  }

  /**
   * True when the constant pool holds one of the markers as a whole string: a walk from entry to entry
   * that compares only strings of a marker's length, so most classes cost a few microseconds.
   */
  private static boolean mentionsAny(byte[] classFile) {
    if (classFile.length < 10) {
      return false;
    }
    int count = ((classFile[8] & 0xff) << 8) | (classFile[9] & 0xff);
    int at = 10;
    for (int entry = 1; entry < count; entry++) {
      if (at >= classFile.length) {
        return true; // not a class file we understand: let ASM have its say
      }
      int tag = classFile[at];
      switch (tag) {
        case 1 -> {
          int length = ((classFile[at + 1] & 0xff) << 8) | (classFile[at + 2] & 0xff);
          if (isMarker(classFile, at + 3, length)) {
            return true;
          }
          at += 3 + length;
        }
        case 3, 4, 9, 10, 11, 12, 17, 18 -> at += 5;
        case 5, 6 -> {
          at += 9;
          entry++; // takes two entries
        }
        case 7, 8, 16, 19, 20 -> at += 3;
        case 15 -> at += 4;
        default -> {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isMarker(byte[] data, int offset, int length) {
    for (byte[] marker : MARKERS) {
      if (marker.length == length && Arrays.equals(data, offset, offset + length, marker, 0, length)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
