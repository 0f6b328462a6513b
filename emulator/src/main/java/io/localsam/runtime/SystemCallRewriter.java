package io.localsam.runtime;

import io.localsam.runtime.sandbox.LambdaSystem;
import io.localsam.runtime.sandbox.LambdaURLClassLoader;
import io.localsam.runtime.sandbox.Redirects;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a function class's calls to the JDK methods that {@link Redirects} names (System.getenv
 * and exit, system properties, default zone and locale, child processes, reflection and method
 * handles, ...) into calls to their stand-ins in the sandbox package, defined afresh in each
 * execution environment. Direct calls and method references are rewritten, {@code new
 * URLClassLoader(...)} makes a loader that rewrites the classes it defines too, and the constant
 * "/proc/self/environ" is reported where it is used. Classes whose constant pool names none of
 * those methods are returned untouched without parsing.
 */
final class SystemCallRewriter {
  /** A call to replace: the stand-in's class and descriptor. */
  private record Redirect(String owner, String descriptor) {}

  private static final String PROC_SELF_ENVIRON = "/proc/self/environ";
  private static final String SANDBOX = Type.getInternalName(LambdaSystem.class);
  private static final String URL_CLASS_LOADER = "java/net/URLClassLoader";
  private static final String OWN_URL_CLASS_LOADER =
      Type.getInternalName(LambdaURLClassLoader.class);
  // "owner.name descriptor" of each redirected static call, "owner#name descriptor" of each
  // instance call
  private static final Map<String, Redirect> REDIRECTS = redirects();
  private static final ConstantPoolMarkers MARKERS = markers();

  private SystemCallRewriter() {}

  static byte[] rewrite(byte[] classFile) {
    if (!MARKERS.mentionedIn(classFile)) {
      return classFile;
    }
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    boolean[] changed = {false};
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            return new MethodVisitor(Opcodes.ASM9, next) {
              // "new URLClassLoader(...)" whose NEW became ours and whose constructor call is still
              // to come;
              // a subclass's super(...) call, with none pending, stays as it is.
              private int pendingLoaders;

              @Override
              public void visitTypeInsn(int opcode, String type) {
                if (opcode == Opcodes.NEW && type.equals(URL_CLASS_LOADER)) {
                  changed[0] = true;
                  pendingLoaders++;
                  super.visitTypeInsn(opcode, OWN_URL_CLASS_LOADER);
                } else {
                  super.visitTypeInsn(opcode, type);
                }
              }

              @Override
              public void visitMethodInsn(
                  int opcode, String owner, String method, String desc, boolean isInterface) {
                if (opcode == Opcodes.INVOKESPECIAL
                    && owner.equals(URL_CLASS_LOADER)
                    && method.equals("<init>")
                    && pendingLoaders > 0) {
                  pendingLoaders--;
                  super.visitMethodInsn(opcode, OWN_URL_CLASS_LOADER, method, desc, false);
                  return;
                }
                Redirect redirect = redirect(opcode, owner, method, desc);
                if (redirect != null) {
                  changed[0] = true;
                  super.visitMethodInsn(
                      Opcodes.INVOKESTATIC, redirect.owner(), method, redirect.descriptor(), false);
                } else {
                  super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                }
              }

              @Override
              public void visitLdcInsn(Object value) {
                if (PROC_SELF_ENVIRON.equals(value)) {
                  changed[0] = true;
                  super.visitMethodInsn(
                      Opcodes.INVOKESTATIC,
                      SANDBOX,
                      "procSelfEnviron",
                      "()Ljava/lang/String;",
                      false);
                } else {
                  super.visitLdcInsn(value);
                }
              }

              @Override
              public void visitInvokeDynamicInsn(
                  String name, String desc, Handle bootstrap, Object... arguments) {
                for (int i = 0; i < arguments.length; i++) {
                  if (arguments[i] instanceof Handle handle) {
                    int opcode =
                        switch (handle.getTag()) {
                          case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
                          case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
                          default -> -1;
                        };
                    Redirect redirect =
                        redirect(opcode, handle.getOwner(), handle.getName(), handle.getDesc());
                    if (redirect != null) {
                      changed[0] = true;
                      arguments[i] =
                          new Handle(
                              Opcodes.H_INVOKESTATIC,
                              redirect.owner(),
                              handle.getName(),
                              redirect.descriptor(),
                              false);
                    }
                  }
                }
                super.visitInvokeDynamicInsn(name, desc, bootstrap, arguments);
              }
            };
          }
        },
        0);
    return changed[0] ? writer.toByteArray() : classFile;
  }

  /** The stand-in that replaces this call, or null to leave it. */
  private static Redirect redirect(int opcode, String owner, String name, String descriptor) {
    return switch (opcode) {
      case Opcodes.INVOKESTATIC -> REDIRECTS.get(owner + "." + name + descriptor);
      case Opcodes.INVOKEVIRTUAL -> REDIRECTS.get(owner + "#" + name + descriptor);
      default -> null;
    };
  }

  /**
   * Read from the stand-ins themselves: each public static method of {@code Lambda<Owner>} that
   * matches a method of the owner by name, parameters (an instance method's receiver first) and
   * return type.
   */
  private static Map<String, Redirect> redirects() {
    Map<String, Redirect> redirects = new HashMap<>();
    for (Class<?> owner : Redirects.OWNERS) {
      Class<?> standIn;
      try {
        standIn = Class.forName(Redirects.standIn(owner));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(
            Redirects.standIn(owner) + " is missing from LocalSAM's build", e);
      }
      for (Method replacement : standIn.getMethods()) {
        if (!Modifier.isStatic(replacement.getModifiers())
            || replacement.getDeclaringClass() != standIn) {
          continue;
        }
        Method replaced = replaced(owner, replacement);
        if (replaced != null) {
          String kind = Modifier.isStatic(replaced.getModifiers()) ? "." : "#";
          redirects.put(
              Type.getInternalName(owner)
                  + kind
                  + replaced.getName()
                  + Type.getMethodDescriptor(replaced),
              new Redirect(Type.getInternalName(standIn), Type.getMethodDescriptor(replacement)));
        }
      }
    }
    return Map.copyOf(redirects);
  }

  private static Method replaced(Class<?> owner, Method replacement) {
    Class<?>[] parameters = replacement.getParameterTypes();
    try {
      Method asStatic = owner.getMethod(replacement.getName(), parameters);
      if (Modifier.isStatic(asStatic.getModifiers())
          && asStatic.getReturnType() == replacement.getReturnType()) {
        return asStatic;
      }
    } catch (NoSuchMethodException notStatic) {
      // perhaps an instance method, its receiver first
    }
    if (parameters.length > 0 && parameters[0] == owner) {
      try {
        Method asInstance =
            owner.getMethod(
                replacement.getName(), Arrays.copyOfRange(parameters, 1, parameters.length));
        if (!Modifier.isStatic(asInstance.getModifiers())
            && asInstance.getReturnType() == replacement.getReturnType()) {
          return asInstance;
        }
      } catch (NoSuchMethodException neither) {
        // a helper of the stand-in, not a replacement
      }
    }
    return null;
  }

  /**
   * A class needs rewriting when its constant pool names a redirected owner and method name, or
   * /proc/self/environ.
   */
  private static ConstantPoolMarkers markers() {
    ConstantPoolMarkers markers = new ConstantPoolMarkers();
    for (String key : REDIRECTS.keySet()) {
      int split = Math.max(key.indexOf('.'), key.indexOf('#'));
      markers.owner(key.substring(0, split));
      markers.name(key.substring(split + 1, key.indexOf('(')));
    }
    markers.always(PROC_SELF_ENVIRON);
    markers.owner(URL_CLASS_LOADER);
    markers.name("<init>");
    return markers;
  }
}
